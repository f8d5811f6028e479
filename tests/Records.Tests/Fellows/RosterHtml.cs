using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Records.Tests.Fellows;

/// <summary>Reads the roster page as a person does: text with its spacing collapsed, one Fellow by name.</summary>
internal static class RosterHtml
{
    public static string TextOf(IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    public static IElement FellowItem(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("li[data-fellow]").Single(li => TextOf(li.QuerySelector(".name")!) == name);

    public static int FellowsShown(IHtmlDocument page) => page.QuerySelectorAll("li[data-fellow]").Length;
}
