using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DonationDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DonationDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Gifts = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeMinor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationDays", x => new { x.Day, x.Currency, x.Channel, x.CampaignId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DonationDays_CampaignId",
                table: "DonationDays",
                column: "CampaignId");

            // The sums of the gifts already in the ledger; written out here so the migration stays as it landed.
            migrationBuilder.Sql("""
                INSERT INTO "DonationDays" ("Day", "Currency", "Channel", "CampaignId", "Gifts", "AmountMinor", "FeeMinor")
                SELECT "ReceivedOn", "Currency", "Channel", COALESCE("CampaignId", 0), COUNT(*), SUM("AmountMinor"), SUM("FeeMinor")
                FROM "Donations"
                GROUP BY "ReceivedOn", "Currency", "Channel", COALESCE("CampaignId", 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DonationDays");
        }
    }
}
