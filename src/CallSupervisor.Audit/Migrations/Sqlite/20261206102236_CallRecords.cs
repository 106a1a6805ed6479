using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallSupervisor.Audit.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CallRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_offers",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    seq = table.Column<int>(type: "INTEGER", nullable: false),
                    agent_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    agent_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    offered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_offers", x => new { x.call_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "call_queue_visits",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    seq = table.Column<int>(type: "INTEGER", nullable: false),
                    queue_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    entered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    left_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_queue_visits", x => new { x.call_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "call_records",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    platform = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    arrived_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    queue_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    queued_at = table.Column<long>(type: "INTEGER", nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    wait_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    agent_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    agent_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    talk_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    hold_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    wrap_up_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    transfers = table.Column<int>(type: "INTEGER", nullable: false),
                    offers = table.Column<int>(type: "INTEGER", nullable: false),
                    missed_offers = table.Column<int>(type: "INTEGER", nullable: false),
                    caller = table.Column<string>(type: "TEXT", nullable: true),
                    transferred_to = table.Column<string>(type: "TEXT", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", nullable: true),
                    queues = table.Column<string>(type: "TEXT", nullable: false),
                    actions = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_records", x => x.call_id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_records_arrived_at",
                table: "call_records",
                columns: new[] { "arrived_at", "call_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_offers");

            migrationBuilder.DropTable(
                name: "call_queue_visits");

            migrationBuilder.DropTable(
                name: "call_records");

            migrationBuilder.DropTable(
                name: "settings");
        }
    }
}
