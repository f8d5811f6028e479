using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Records.Web.Infrastructure;

namespace Records.Tests.Infrastructure;

/// <summary>Drives pages as a browser would: reads the form, keeps its antiforgery token, posts the fields.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? formSelector = null, string? action = null)
    {
        var page = await client.GetPageAsync(url);
        var form = (IHtmlFormElement?)(formSelector is null ? page.QuerySelectorAll("main form[method=post]").FirstOrDefault(f => f.QuerySelector("[name=__RequestVerificationToken]") is not null) : page.QuerySelector(formSelector))
                   ?? throw new InvalidOperationException($"No post form on {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>())
        {
            if (!fields.ContainsKey(input.Name!)) values.Add(new(input.Name!, input.Value));
        }
        foreach (var (name, value) in fields)
        {
            foreach (var part in value.Split('\u001f')) values.Add(new(name, part));
        }
        var target = action ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(target)) target = url;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Several values for one field (checkboxes with the same name).</summary>
    public static string Many(params string[] values) => string.Join('\u001f', values);

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static async Task LoginAsync(this HttpClient client, string email, string password = AppStartup.DevelopmentPassword)
    {
        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login as {email} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static Task LoginAsRoleAsync(this HttpClient client, string role) => client.LoginAsync(role.ToLowerInvariant() + "@records.local");
}
