using Records.Core.ServiceAwards;

namespace Records.Tests.ServiceAwards;

public class ResolutionTests
{
    private const string Seeded = "RESOLVED, that the Python Software Foundation award the 2018 Q4 Community Service Award to John Roa for his work as a founder and Conference Chair of PyCon Colombia.";

    [Fact]
    public void DraftInTheFoundationsFormMatchesTheSeededResolution() =>
        Assert.Equal(Seeded, Resolution.Draft("Python Software Foundation", 2018, 4, "John Roa", "for his work as a founder and Conference Chair of PyCon Colombia"));

    [Fact]
    public void DraftKeepsTheFirstSentenceAndAddsInRecognitionOf() =>
        Assert.Equal("RESOLVED, that the PSF award the 2027 Q2 Community Service Award to PyCon Africa in recognition of running the first pan-African conference.",
            Resolution.Draft("PSF", 2027, 2, " PyCon Africa ", "Running the first pan-African conference. They also mentor speakers."));

    [Theory]
    [InlineData("For her work as a core developer and PyLadies organiser.\nShe has also mentored many new contributors.")]
    [InlineData("Mariatta Wijaya, for her work as a core developer and PyLadies organiser. She has also mentored many new contributors.")]
    [InlineData("“for her work as a core developer and PyLadies organiser”")]
    [InlineData("  for   her work as a core developer and PyLadies organiser!  She mentors.")]
    public void DraftIsOneSentenceWithoutADoubledForOrAStrayStopOrCapital(string reasons) =>
        Assert.Equal("RESOLVED, that the Python Software Foundation award the 2020 Q1 Community Service Award to Mariatta Wijaya for her work as a core developer and PyLadies organiser.",
            Resolution.Draft("Python Software Foundation", 2020, 1, "Mariatta Wijaya", reasons));

    [Fact]
    public void DraftDoesNotCutAtAnAbbreviationOrAVersionNumber() =>
        Assert.Equal("RESOLVED, that the PSF award the 2020 Q1 Community Service Award to Ann Lee in recognition of teaching Python 3.8 to schools, e.g. in Lagos",
            Resolution.Draft("PSF", 2020, 1, "Ann Lee", "Teaching Python 3.8 to schools, e.g. in Lagos. More to come.").TrimEnd('.'));

    [Fact]
    public void ReasonIsWhatFollowsTheRecipientsName() =>
        Assert.Equal("for his work as a founder and Conference Chair of PyCon Colombia", Resolution.Reason(Seeded, "John Roa"));

    [Fact]
    public void ReasonIgnoresCaseAndSpacesAroundTheName() =>
        Assert.Equal("for his work as a founder and Conference Chair of PyCon Colombia", Resolution.Reason(Seeded, " john roa "));

    [Fact]
    public void ReasonCutsAfterTheRecipientNotAfterAnEarlierMentionOfTheName() =>
        Assert.Equal("for running the Python user groups of Kenya",
            Resolution.Reason("RESOLVED, that the Python Software Foundation award the 2025 Q1 Community Service Award to Python for running the Python user groups of Kenya.", "Python"));

    [Theory]
    [InlineData("RESOLVED, that the Board thanks the organisers of EuroPython.", "Jane Doe")]
    [InlineData("RESOLVED, that the PSF award the 2020 Q1 Community Service Award to Jane Doe.", "Jane Doe")]
    [InlineData("RESOLVED, that the PSF award the 2020 Q1 Community Service Award to Jane Doe.", "")]
    public void ResolutionWithoutAReasonAfterTheNameIsShownWhole(string resolution, string recipient) =>
        Assert.Equal(resolution, Resolution.Reason(resolution, recipient));
}
