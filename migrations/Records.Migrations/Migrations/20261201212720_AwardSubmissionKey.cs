using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AwardSubmissionKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmissionKey",
                table: "ServiceAwards",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAwards_SubmissionKey",
                table: "ServiceAwards",
                column: "SubmissionKey",
                unique: true,
                filter: "SubmissionKey IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceAwards_SubmissionKey",
                table: "ServiceAwards");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "ServiceAwards");
        }
    }
}
