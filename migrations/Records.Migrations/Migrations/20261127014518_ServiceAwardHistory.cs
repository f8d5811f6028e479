using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ServiceAwardHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "ServiceAwards",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceAwardEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceAwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAwardEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceAwardEvents_ServiceAwards_ServiceAwardId",
                        column: x => x.ServiceAwardId,
                        principalTable: "ServiceAwards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAwardEvents_ServiceAwardId_At",
                table: "ServiceAwardEvents",
                columns: new[] { "ServiceAwardId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceAwardEvents");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "ServiceAwards");
        }
    }
}
