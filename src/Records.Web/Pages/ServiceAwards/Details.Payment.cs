using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

/// <summary>Staff record what an approved award gave: the cash paid and whether a PyCon US registration went with it.</summary>
public partial class DetailsModel
{
    [BindProperty] public PaymentInput Payment { get; set; } = new();

    public class PaymentInput : VersionInput
    {
        public string? Amount { get; set; }
        public string Currency { get; set; } = "USD";
        public bool PyConRegistration { get; set; }
        public DateOnly? PaidOn { get; set; }
    }

    public class PaymentValidator : AbstractValidator<PaymentInput>
    {
        public PaymentValidator(DateOnly today, DateOnly? decidedOn)
        {
            RuleFor(x => x.Currency).Must(Core.Amounts.Currencies.IsKnown).WithMessage("Use a three-letter currency code such as USD.");
            RuleFor(x => x.Amount).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the amount paid.")
                .IsAmountIn(x => x.Currency)
                .Must((x, amount) => Core.Amounts.MoneyText.Read(amount, x.Currency).Minor > 0).WithMessage("Enter an amount above zero, such as 599 or 599.00.");
            RuleFor(x => x.PaidOn).NotNull().WithMessage("Enter the date it was paid.")
                .LessThanOrEqualTo(today).WithMessage("The payment date cannot be in the future.")
                .GreaterThanOrEqualTo(decidedOn ?? DateOnly.MinValue).WithMessage("The award was paid after the Board approved it; check the date.");
        }
    }

    public async Task<IActionResult> OnPostPaymentAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsStaff) return Forbid();
        if (Refused(AwardStep.RecordPayment) is { } refused) return refused;
        Payment.Currency = (Payment.Currency ?? "").Trim().ToUpperInvariant();
        if (!ModelState.AddErrors(new PaymentValidator(Today, Award.DecidedOn).Validate(Payment), nameof(Payment))) return Invalid();
        var minor = Core.Amounts.MoneyText.Read(Payment.Amount, Payment.Currency).Minor!.Value;
        var decided = await Decisions.RecordPaymentAsync(Award, Payment.Version, minor, Payment.Currency, Payment.PyConRegistration, Payment.PaidOn!.Value, Me);
        return Decided(decided, $"Recorded the payment to {Award.RecipientName}.");
    }
}
