using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Records.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PostFellowOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FellowOrder",
                table: "Posts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FellowOrder",
                table: "Posts");
        }
    }
}
