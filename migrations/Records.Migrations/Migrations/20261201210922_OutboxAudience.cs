using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class OutboxAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Audience",
                table: "Outbox",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Audience",
                table: "Outbox");
        }
    }
}
