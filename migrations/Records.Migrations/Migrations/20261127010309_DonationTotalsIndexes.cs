using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DonationTotalsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Donations_ReceivedOn",
                table: "Donations");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_ReceivedOn_Currency_AmountMinor",
                table: "Donations",
                columns: new[] { "ReceivedOn", "Currency", "AmountMinor" });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_Unacknowledged",
                table: "Donations",
                columns: new[] { "Currency", "AmountMinor" },
                filter: "AcknowledgedOn IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Donations_ReceivedOn_Currency_AmountMinor",
                table: "Donations");

            migrationBuilder.DropIndex(
                name: "IX_Donations_Unacknowledged",
                table: "Donations");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_ReceivedOn",
                table: "Donations",
                column: "ReceivedOn");
        }
    }
}
