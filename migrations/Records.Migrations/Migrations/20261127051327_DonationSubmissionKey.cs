using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DonationSubmissionKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionKey",
                table: "Donations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Donations_SubmissionKey",
                table: "Donations",
                column: "SubmissionKey",
                unique: true,
                filter: "SubmissionKey IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Donations_SubmissionKey",
                table: "Donations");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "Donations");
        }
    }
}
