using System.Text;

namespace Records.Web.Infrastructure;

public static class EnumWords
{
    /// <summary>An enum value as people write it: UnderReview → "Under review", AwaitingSignature → "Awaiting signature".</summary>
    public static string Words(this Enum value)
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else text.Append(name[i]);
        }
        return text.ToString();
    }
}
