using System.Globalization;
using System.Text;
using Records.Core.People;

namespace Records.Volume;

internal static class PeopleVolume
{
    public static void Write(VolumeContext volume)
    {
        var draw = volume.DrawFor(1);
        var count = volume.Count(50_000);
        volume.Write(People(volume, draw, count));
        volume.Write(Links(volume, draw));
    }

    private static IEnumerable<Person> People(VolumeContext volume, Draw draw, int count)
    {
        for (var id = 1; id <= count; id++)
        {
            var cjk = draw.Chance(0.03);
            var name = cjk ? draw.Pick(Words.CjkNames) : $"{draw.Pick(Words.GivenNames)} {draw.Pick(Words.FamilyNames)}";
            string? email = draw.Chance(0.92) ? $"{(cjk ? "person" : Handle(name, '.'))}{id}@example.org" : null;
            volume.PersonNames.Add(name);
            volume.PersonEmails.Add(email);
            yield return new Person
            {
                Id = id,
                Name = name,
                Email = email,
                CreatedAt = draw.TimeOn(draw.DayBetween(volume.HistoryStarts, volume.AsOf)),
                Version = draw.Guid(),
            };
        }
    }

    private static IEnumerable<PersonLink> Links(VolumeContext volume, Draw draw)
    {
        var id = 0;
        LinkKind[] kinds = [LinkKind.GitHub, LinkKind.Website, LinkKind.Twitter, LinkKind.LinkedIn, LinkKind.Mastodon, LinkKind.Blog];
        for (var person = 1; person <= volume.PersonNames.Count; person++)
        {
            if (!draw.Chance(0.2)) continue;
            var handle = Handle(volume.PersonNames[person - 1], '-') + person;
            var chosen = kinds.Where(_ => draw.Chance(0.4)).DefaultIfEmpty(LinkKind.GitHub).ToList();
            for (var position = 0; position < chosen.Count; position++)
            {
                yield return new PersonLink { Id = ++id, PersonId = person, Kind = chosen[position], Url = Url(chosen[position], handle), Position = position };
            }
        }
    }

    private static string Url(LinkKind kind, string handle) => kind switch
    {
        LinkKind.GitHub => $"https://github.com/{handle}",
        LinkKind.Twitter => $"https://x.com/{handle}",
        LinkKind.LinkedIn => $"https://www.linkedin.com/in/{handle}",
        LinkKind.Mastodon => $"https://fosstodon.org/@{handle}",
        LinkKind.Blog => $"https://{handle}.example.net/blog",
        _ => $"https://{handle}.example.net",
    };

    /// <summary>An ASCII handle from a name: accents dropped, Ł as L, spaces as the separator.</summary>
    public static string Handle(string name, char separator)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Replace('ł', 'l').Replace('Ł', 'L').Replace('ı', 'i').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c == ' ') folded.Append(separator);
            else if (char.IsAsciiLetterOrDigit(c)) folded.Append(char.ToLowerInvariant(c));
        }
        return folded.Length == 0 ? "person" : folded.ToString();
    }
}
