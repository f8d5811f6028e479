namespace Records.Core.Reports;

/// <summary>What a donor's tax records need to name: the foundation's legal name, its address, its tax id and its tax status.</summary>
public sealed record FoundationDetails(string LegalName, string Address, string TaxId, string TaxStatus)
{
    public static readonly FoundationDetails PythonSoftwareFoundation = new(
        "Python Software Foundation", "9450 SW Gemini Dr. ECM# 90772, Beaverton, OR 97008 USA", "04-3594598", "501(c)(3)");

    public string TaxIdLine => $"EIN {TaxId}";

    /// <summary>The sentence that lets a donor claim the gift: who received it and under which status.</summary>
    public string TaxStatusSentence =>
        $"The {LegalName} (EIN {TaxId}) is a {TaxStatus} non-profit organisation; gifts to it are tax-deductible to the extent the law allows.";
}
