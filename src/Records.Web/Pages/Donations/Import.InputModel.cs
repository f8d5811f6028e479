using FluentValidation;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

public partial class ImportModel
{
    private static readonly string[] MappedFields = ["Date", "Amount", "Currency", "TransactionId", "Fee", "Email", "Name", "Recurring"];

    public class InputModel
    {
        public ImportLayoutKind? Layout { get; set; }
        public IFormFile? File { get; set; }
        public string? Token { get; set; }

        // The column map of a generic file: the header of each field.
        public string? Date { get; set; }
        public string? Amount { get; set; }
        public string? Currency { get; set; }
        public string? TransactionId { get; set; }
        public string? Fee { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Recurring { get; set; }
        public DateFormatChoice? DateFormat { get; set; }
        public DonationChannel? Channel { get; set; }
        /// <summary>The line of a generic file that names its columns.</summary>
        public int? HeaderLine { get; set; }
        /// <summary>The order confirmed (or switched to) for dates that could be read either way.</summary>
        public DateOrder? DateOrder { get; set; }

        public ImportLayout ToLayout() => ImportLayout.Generic(
            new ColumnMap(Date!, Amount!, Currency!, TransactionId!, Blank(Fee), Blank(Email), Blank(Name), Blank(Recurring)),
            DateFormat!.Value, Channel!.Value);

        /// <summary>A first guess at the map from the headers' names, for people to correct.</summary>
        public static InputModel Guess(ImportJob job)
        {
            string? Like(params string[] words) => words.Select(w => job.Headers.FirstOrDefault(h => h.Contains(w, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(h => h is not null);
            return new InputModel
            {
                Token = job.Token, Layout = ImportLayoutKind.Generic,
                Date = Like("date", "received"), Amount = Like("amount", "gross", "gift"), Currency = Like("currency"),
                TransactionId = Like("transaction", "reference", "id"), Fee = Like("fee"), Email = Like("email"), Name = Like("name", "donor"),
                Recurring = Like("recurring", "monthly", "subscription"), DateFormat = DateFormatChoice.YearMonthDay, Channel = DonationChannel.BankTransfer,
            };
        }

        private static string? Blank(string? header) => string.IsNullOrWhiteSpace(header) ? null : header;
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public const string Upload = "Upload";
        public const string Map = "Map";
        public const string Header = "Header";
        public const string Dates = "Dates";

        public Validator(long maxBytes, IReadOnlyList<string>? headers = null, IReadOnlyList<ImportLine>? firstLines = null)
        {
            RuleSet(Header, () =>
            {
                var lines = firstLines ?? [];
                RuleFor(x => x.HeaderLine).NotNull().WithMessage("Choose the line that names the columns.")
                    .Must(l => lines.Any(f => f.Line == l)).WithMessage(x => $"Line {x.HeaderLine} is not one of the first {lines.Count} lines shown.");
            });
            RuleSet(Dates, () =>
            {
                RuleFor(x => x.DateOrder).NotNull().WithMessage("Say whether the dates are day first or month first.")
                    .IsInEnum().WithMessage("Say whether the dates are day first or month first.");
            });
            RuleSet(Upload, () =>
            {
                RuleFor(x => x.Layout).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose whose export this is: Stripe, PayPal, GitHub Sponsors or another CSV.")
                    .IsInEnum().WithMessage("Choose whose export this is: Stripe, PayPal, GitHub Sponsors or another CSV.");
                RuleFor(x => x.File).NotNull().WithMessage("Choose the processor's CSV file.");
                When(x => x.File is not null, () =>
                {
                    RuleFor(x => x.File!.Length).GreaterThan(0).OverridePropertyName("File").WithMessage("The file is empty.")
                        .LessThanOrEqualTo(maxBytes).WithMessage(x => $"The file is {Megabytes(x.File!.Length)}; the limit is {Megabytes(maxBytes)}. Export a shorter period and import each file.");
                    RuleFor(x => x.File!.FileName).Must(DonationCsv.IsCsvName).OverridePropertyName("File")
                        .WithMessage(x => $"'{Path.GetFileName(x.File!.FileName)}' is not a CSV file. Export the payments from the processor as CSV (comma-separated values).");
                });
            });
            RuleSet(Map, () =>
            {
                var known = headers ?? [];
                RuleFor(x => x.Date).NotEmpty().WithMessage("Choose the column with the date of each gift.");
                RuleFor(x => x.Amount).NotEmpty().WithMessage("Choose the column with the amount.");
                RuleFor(x => x.Currency).NotEmpty().WithMessage("Choose the column with the currency.");
                RuleFor(x => x.TransactionId).NotEmpty().WithMessage("Choose the column with the transaction id: it keeps a gift from being imported twice.");
                foreach (var field in MappedFields)
                {
                    RuleFor(x => HeaderOf(x, field)).Must(h => string.IsNullOrEmpty(h) || known.Contains(h)).OverridePropertyName(field)
                        .WithMessage(x => $"'{HeaderOf(x, field)}' is not a column of this file.");
                }
                RuleFor(x => x.DateFormat).NotNull().IsInEnum().WithMessage("Choose how the dates are written.");
                RuleFor(x => x.Channel).NotNull().IsInEnum().WithMessage("Choose the channel these gifts came through.");
            });
        }

        private static string? HeaderOf(InputModel x, string field) => field switch
        {
            "Date" => x.Date, "Amount" => x.Amount, "Currency" => x.Currency, "TransactionId" => x.TransactionId,
            "Fee" => x.Fee, "Email" => x.Email, "Name" => x.Name, _ => x.Recurring,
        };
    }
}
