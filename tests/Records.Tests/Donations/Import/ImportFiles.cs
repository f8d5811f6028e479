namespace Records.Tests.Donations.Import;

/// <summary>The processor files checked in beside these tests (Files/), copied to the output folder.</summary>
public static class ImportFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Donations", "Import", "Files", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
