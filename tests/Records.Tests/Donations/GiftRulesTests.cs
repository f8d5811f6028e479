using Records.Core.Donations;
using Records.Core.Amounts;

namespace Records.Tests.Donations;

public class GiftRulesTests
{
    [Theory]
    [InlineData("USD", true)]
    [InlineData(" eur ", true)]
    [InlineData("JPY", true)]
    [InlineData("USS", false)]
    [InlineData("XXX", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyIsoCurrencyCodesAreKnown(string? code, bool known) => Assert.Equal(known, Currencies.IsKnown(code));

    [Fact]
    public void ListsOfferTheCommonCurrenciesFirstAndEachCodeOnce()
    {
        var list = Currencies.ForLists().ToList();
        Assert.Equal("USD", list[0]);
        Assert.Equal(list.Count, list.Distinct().Count());
        Assert.Equal(Currencies.All.Count, list.Count);
    }

    [Theory]
    [InlineData(1L, "USD", true)]
    [InlineData(1_000_000_000L, "USD", true)]
    [InlineData(1_000_000_001L, "USD", false)]
    [InlineData(10_000_000L, "JPY", true)]
    [InlineData(10_000_001L, "JPY", false)]
    [InlineData(0L, "USD", false)]
    [InlineData(-5L, "USD", false)]
    public void AnAmountIsPositiveAndBelowTenMillion(long minor, string currency, bool plausible) =>
        Assert.Equal(plausible, GiftRules.IsPlausibleAmount(minor, currency));

    [Theory]
    [InlineData(0L, 100L, true)]
    [InlineData(100L, 100L, true)]
    [InlineData(101L, 100L, false)]
    [InlineData(-1L, 100L, false)]
    public void AFeeOrBenefitIsWithinTheGift(long part, long amount, bool within) => Assert.Equal(within, GiftRules.IsWithinGift(part, amount));

    [Fact]
    public void AGiftWithNothingInReturnSaysSo() =>
        Assert.Equal("No goods or services were provided in exchange for this gift.", Acknowledgement.QuidProQuo(50_000, 0, "USD"));

    [Fact]
    public void AGiftWithATicketStatesItsValueAndTheDeductiblePart() =>
        Assert.Equal("You received goods or services valued at $100.00 in return; the deductible part of your gift is $400.00.",
            Acknowledgement.QuidProQuo(50_000, 10_000, "USD"));

    [Theory]
    [InlineData(25_000L, "USD", true)]
    [InlineData(24_999L, "USD", false)]
    [InlineData(90_000L, "EUR", false)]
    public void AnAcknowledgementIsNeededFromTheThresholdInItsCurrency(long amount, string currency, bool needed) =>
        Assert.Equal(needed, Acknowledgement.IsNeeded(amount, currency, 25_000, "USD"));
}
