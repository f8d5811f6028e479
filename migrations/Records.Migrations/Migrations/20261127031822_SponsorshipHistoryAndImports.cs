using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SponsorshipHistoryAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EndingReminderQueuedAt",
                table: "Sponsorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportId",
                table: "Donations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DonationImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Layout = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    BadRows = table.Column<int>(type: "INTEGER", nullable: false),
                    DonorsCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonationImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SponsorshipEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SponsorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SponsorshipEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SponsorshipEvents_Sponsorships_SponsorshipId",
                        column: x => x.SponsorshipId,
                        principalTable: "Sponsorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_ImportId",
                table: "Donations",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_DonationImports_At",
                table: "DonationImports",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SponsorshipEvents_SponsorshipId_At",
                table: "SponsorshipEvents",
                columns: new[] { "SponsorshipId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_Donations_DonationImports_ImportId",
                table: "Donations",
                column: "ImportId",
                principalTable: "DonationImports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Donations_DonationImports_ImportId",
                table: "Donations");

            migrationBuilder.DropTable(
                name: "DonationImports");

            migrationBuilder.DropTable(
                name: "SponsorshipEvents");

            migrationBuilder.DropIndex(
                name: "IX_Donations_ImportId",
                table: "Donations");

            migrationBuilder.DropColumn(
                name: "EndingReminderQueuedAt",
                table: "Sponsorships");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "Donations");
        }
    }
}
