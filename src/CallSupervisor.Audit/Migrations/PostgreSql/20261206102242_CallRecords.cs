using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallSupervisor.Audit.Migrations.PostgreSql
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
                    call_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    agent_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    agent_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    offered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_offers", x => new { x.call_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "call_queue_visits",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    queue_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    left_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_queue_visits", x => new { x.call_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "call_records",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    arrived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    queue_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    queued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    wait_ms = table.Column<long>(type: "bigint", nullable: true),
                    agent_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    agent_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    talk_ms = table.Column<long>(type: "bigint", nullable: false),
                    hold_ms = table.Column<long>(type: "bigint", nullable: false),
                    wrap_up_ms = table.Column<long>(type: "bigint", nullable: true),
                    transfers = table.Column<int>(type: "integer", nullable: false),
                    offers = table.Column<int>(type: "integer", nullable: false),
                    missed_offers = table.Column<int>(type: "integer", nullable: false),
                    caller = table.Column<string>(type: "text", nullable: true),
                    transferred_to = table.Column<string>(type: "text", nullable: true),
                    end_reason = table.Column<string>(type: "text", nullable: true),
                    queues = table.Column<string>(type: "text", nullable: false),
                    actions = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_records", x => x.call_id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "text", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
