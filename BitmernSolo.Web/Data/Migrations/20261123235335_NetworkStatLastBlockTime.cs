using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BitmernSolo.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NetworkStatLastBlockTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastBlockTime",
                table: "NetworkStats",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastBlockTime",
                table: "NetworkStats");
        }
    }
}
