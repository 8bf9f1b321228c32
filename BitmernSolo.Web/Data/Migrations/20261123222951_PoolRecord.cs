using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BitmernSolo.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PoolRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Blocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Height = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MinerAddress = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reward = table.Column<long>(type: "INTEGER", nullable: false),
                    CoinbaseTxid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ShareDifficulty = table.Column<double>(type: "REAL", nullable: false),
                    NetworkDifficulty = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Confirmations = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmationsRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    DaemonAnswer = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Blocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkStats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Height = table.Column<long>(type: "INTEGER", nullable: false),
                    NetworkDifficulty = table.Column<double>(type: "REAL", nullable: false),
                    NetworkHashrate = table.Column<double>(type: "REAL", nullable: false),
                    PoolHashrate = table.Column<double>(type: "REAL", nullable: false),
                    ConnectedMiners = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectedWorkers = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockReward = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkStats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeduplicationKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlockHeight = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShareStats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BucketStart = table.Column<long>(type: "INTEGER", nullable: false),
                    BucketSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    DifficultySum = table.Column<double>(type: "REAL", nullable: false),
                    RejectedStale = table.Column<long>(type: "INTEGER", nullable: false),
                    RejectedDuplicate = table.Column<long>(type: "INTEGER", nullable: false),
                    RejectedLowDifficulty = table.Column<long>(type: "INTEGER", nullable: false),
                    RejectedOther = table.Column<long>(type: "INTEGER", nullable: false),
                    BestShare = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareStats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Wallets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Wallets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Wallets_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Workers",
                columns: table => new
                {
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastDifficulty = table.Column<double>(type: "REAL", nullable: false),
                    LastShareAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BestShareEver = table.Column<double>(type: "REAL", nullable: false),
                    BestShareSinceBlock = table.Column<double>(type: "REAL", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    OfflineSince = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workers", x => new { x.PoolId, x.Address, x.Worker });
                });

            migrationBuilder.CreateTable(
                name: "AlertPreferences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WalletId = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkerOfflineMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    WorkerBackOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    BlockFound = table.Column<bool>(type: "INTEGER", nullable: false),
                    PayoutMatured = table.Column<bool>(type: "INTEGER", nullable: false),
                    DailySummary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertPreferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlertPreferences_Wallets_WalletId",
                        column: x => x.WalletId,
                        principalTable: "Wallets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertPreferences_UserId_WalletId",
                table: "AlertPreferences",
                columns: new[] { "UserId", "WalletId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertPreferences_WalletId",
                table: "AlertPreferences",
                column: "WalletId");

            migrationBuilder.CreateIndex(
                name: "IX_Blocks_PoolId_Hash",
                table: "Blocks",
                columns: new[] { "PoolId", "Hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Blocks_PoolId_MinerAddress",
                table: "Blocks",
                columns: new[] { "PoolId", "MinerAddress" });

            migrationBuilder.CreateIndex(
                name: "IX_Blocks_PoolId_Status",
                table: "Blocks",
                columns: new[] { "PoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkStats_PoolId_CreatedAt",
                table: "NetworkStats",
                columns: new[] { "PoolId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CreatedAt",
                table: "Notifications",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DeduplicationKey",
                table: "Notifications",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_PoolId_Address_CreatedAt",
                table: "Payments",
                columns: new[] { "PoolId", "Address", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_PoolId_BlockHash",
                table: "Payments",
                columns: new[] { "PoolId", "BlockHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareStats_PoolId_Address_BucketStart",
                table: "ShareStats",
                columns: new[] { "PoolId", "Address", "BucketStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareStats_PoolId_BucketStart",
                table: "ShareStats",
                columns: new[] { "PoolId", "BucketStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Wallets_PoolId_Address",
                table: "Wallets",
                columns: new[] { "PoolId", "Address" });

            migrationBuilder.CreateIndex(
                name: "IX_Wallets_UserId_PoolId_Address",
                table: "Wallets",
                columns: new[] { "UserId", "PoolId", "Address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertPreferences");

            migrationBuilder.DropTable(
                name: "Blocks");

            migrationBuilder.DropTable(
                name: "NetworkStats");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "ShareStats");

            migrationBuilder.DropTable(
                name: "Workers");

            migrationBuilder.DropTable(
                name: "Wallets");
        }
    }
}
