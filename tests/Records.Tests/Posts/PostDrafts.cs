using System.Net;
using Records.Tests.Infrastructure;

namespace Records.Tests.Posts;

public static class PostDrafts
{
    /// <summary>Writes a draft of this kind through the New post form and answers its id.</summary>
    public static async Task<int> CreateAsync(HttpClient client, string kind, Dictionary<string, string> fields)
    {
        var response = await client.SubmitAsync($"/Posts/New?kind={kind}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }
}
