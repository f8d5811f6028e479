using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Records.BrowserTests.Infrastructure.LongestFirst))]

namespace Records.BrowserTests.Infrastructure;

/// <summary>Marks a test class that takes far longer than the others, so that it starts first.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartsFirstAttribute : Attribute;

/// <summary>
/// Starts the classes marked <see cref="StartsFirstAttribute"/> before the others, which keep xunit's shuffled order.
/// Classes run two at a time, and a class that takes a quarter of the run, started last, runs on alone while the
/// other slot sits idle.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly HashSet<string> StartingFirst = [.. typeof(LongestFirst).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(StartsFirstAttribute), inherit: false)).Select(t => t.FullName!)];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderByDescending(c => StartsFirst(c))];

    /// <summary>A class's own collection is named "Test collection for {its full name} (id: …)".</summary>
    private static bool StartsFirst(ITestCollection collection) =>
        StartingFirst.Any(name => collection.TestCollectionDisplayName.StartsWith($"Test collection for {name} ", StringComparison.Ordinal));
}
