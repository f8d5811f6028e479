using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Records.Web.Infrastructure;

namespace Records.Tests.Infrastructure;

/// <summary>A file to upload: the form field, the name the browser sends, the bytes and their type.</summary>
public sealed record UploadFile(string Field, string FileName, byte[] Content, string ContentType = "text/csv")
{
    public static UploadFile Text(string field, string fileName, string text, string contentType = "text/csv") =>
        new(field, fileName, System.Text.Encoding.UTF8.GetBytes(text), contentType);
}

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

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? formSelector = null, string? action = null) =>
        await client.SubmitFormAsync(await client.GetPageAsync(url), url, fields, formSelector, action);

    /// <summary>Posts a form of a page already read (say, one a POST answered with), keeping its hidden fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, string url, IDictionary<string, string> fields, string? formSelector = null, string? action = null)
    {
        var (target, values) = ReadForm(page, url, fields, formSelector, action);
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Uploads files through a page's form as a browser does (multipart), with its antiforgery token and hidden fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFilesAsync(this HttpClient client, string url, IEnumerable<UploadFile> files, IDictionary<string, string>? fields = null, string? formSelector = null)
    {
        var (target, values) = ReadForm(await client.GetPageAsync(url), url, fields ?? new Dictionary<string, string>(), formSelector, null);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values) content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }
        return await client.PostAsync(target, content);
    }

    public static Task<HttpResponseMessage> SubmitFileAsync(this HttpClient client, string url, UploadFile file, IDictionary<string, string>? fields = null, string? formSelector = null) =>
        client.SubmitFilesAsync(url, [file], fields, formSelector);

    private static (string Target, List<KeyValuePair<string, string>> Values) ReadForm(IHtmlDocument page, string url, IDictionary<string, string> fields, string? formSelector, string? action)
    {
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
        return (target, values);
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
