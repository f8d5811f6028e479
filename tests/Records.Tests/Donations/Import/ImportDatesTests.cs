using Records.Core.Donations.Import;

namespace Records.Tests.Donations.Import;

public class ImportDatesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2025-04-05", DateShape.Fixed)]
    [InlineData("2025-04-05 13:45:10", DateShape.Fixed)]
    [InlineData("25/04/2025", DateShape.DayFirstOnly)]
    [InlineData("04/25/2025", DateShape.MonthFirstOnly)]
    [InlineData("05/04/2025", DateShape.Either)]
    [InlineData("05.04.2025", DateShape.Either)]
    [InlineData("05/04/25", DateShape.Either)]
    [InlineData("05/05/2025", DateShape.Same)]
    [InlineData("31/02/2025", DateShape.Unreadable)]
    [InlineData("13/13/2025", DateShape.Unreadable)]
    [InlineData("5 Apr 2025", DateShape.Fixed)]
    [InlineData("Apr 5, 2025", DateShape.Fixed)]
    [InlineData("April 5th, 2025", DateShape.Fixed)]
    [InlineData("05-Apr-2025", DateShape.Fixed)]
    [InlineData("5-Apr-2025 14:30", DateShape.Fixed)]
    [InlineData("5 Apr#2025", DateShape.Unreadable)]
    [InlineData("Donation Date", DateShape.Unreadable)]
    [InlineData("", DateShape.Unreadable)]
    public void ADatesShapeSaysWhetherItsOrderCanBeKnownFromItAlone(string written, DateShape shape) =>
        Assert.Equal(shape, ImportDates.Shape(written));

    [Theory]
    [InlineData("05/04/2025", DateOrder.DayFirst, "2025-04-05")]
    [InlineData("05/04/2025", DateOrder.MonthFirst, "2025-05-04")]
    [InlineData("05.04.25", DateOrder.DayFirst, "2025-04-05")]
    [InlineData("25/04/2025", DateOrder.DayFirst, "2025-04-25")]
    [InlineData("2025-04-05", DateOrder.DayFirst, "2025-04-05")]
    [InlineData("5 Apr 2025", DateOrder.MonthFirst, "2025-04-05")]
    [InlineData("Apr 5, 2025", DateOrder.DayFirst, "2025-04-05")]
    [InlineData("05-Apr-2025", DateOrder.MonthFirst, "2025-04-05")]
    public void AYearLastDateIsReadInTheOrderGivenAndOtherDatesOneWayOnly(string written, DateOrder order, string day) =>
        Assert.Equal(DateOnly.Parse(day), ImportDates.Read(written, order, utc: false, NewYork));

    [Theory]
    [InlineData("25/04/2025", DateOrder.MonthFirst)]
    [InlineData("04/25/2025", DateOrder.DayFirst)]
    [InlineData("31/02/2025", DateOrder.DayFirst)]
    [InlineData("2025-02-30", DateOrder.MonthFirst)]
    [InlineData("2025-04-05 24:00", DateOrder.MonthFirst)]
    [InlineData("04/05/2025 13:30 PM", DateOrder.MonthFirst)]
    [InlineData("2025-04-05 10:00 +15:00", DateOrder.MonthFirst)]
    [InlineData("next Tuesday", DateOrder.MonthFirst)]
    public void ADateThatIsNoDayInTheOrderGivenIsNotRead(string written, DateOrder order) =>
        Assert.Null(ImportDates.Read(written, order, utc: false, NewYork));

    [Theory]
    // A UTC offset moves the time into the foundation's zone whatever the file says.
    [InlineData("2025-04-05T02:30:00Z", false, "2025-04-04")]
    [InlineData("2025-04-05 02:30:00 +02:00", false, "2025-04-04")]
    [InlineData("2025-04-05 02:30:00 -07:00", false, "2025-04-05")]
    [InlineData("2025-04-05 02:30:00 UTC", false, "2025-04-04")]
    // A file whose times are UTC (Stripe, GitHub): with seconds or without.
    [InlineData("2025-04-05 02:30:00", true, "2025-04-04")]
    [InlineData("2025-04-05 02:30", true, "2025-04-04")]
    [InlineData("2025-04-05 13:45", true, "2025-04-05")]
    [InlineData("2025-01-05 04:59", true, "2025-01-04")]
    [InlineData("2025-01-05 05:00", true, "2025-01-05")]
    // A file whose times are the account's own: the day as written.
    [InlineData("2025-04-05 02:30", false, "2025-04-05")]
    // AM and PM, 12 AM being the start of the day.
    [InlineData("04/05/2025 1:30 AM", true, "2025-04-04")]
    [InlineData("04/05/2025 1:30 PM", true, "2025-04-05")]
    [InlineData("04/05/2025 12:15 AM", true, "2025-04-04")]
    [InlineData("04/05/2025 12:15 PM", true, "2025-04-05")]
    [InlineData("04/05/2025 11:30:59 pm", true, "2025-04-05")]
    public void ATimeIsMovedIntoTheFoundationsZoneWhenItsZoneIsKnown(string written, bool utc, string day) =>
        Assert.Equal(DateOnly.Parse(day), ImportDates.Read(written, DateOrder.MonthFirst, utc, NewYork));
}
