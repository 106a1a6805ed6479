using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallSupervisor.Audit.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    actor_role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    call_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    error_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    settled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action",
                table: "audit_entries",
                columns: new[] { "action", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_id",
                table: "audit_entries",
                columns: new[] { "actor_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_call_id",
                table: "audit_entries",
                columns: new[] { "call_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_requested_at",
                table: "audit_entries",
                columns: new[] { "requested_at", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_status",
                table: "audit_entries",
                columns: new[] { "status", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ux_audit_entries_id",
                table: "audit_entries",
                column: "id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");
        }
    }
}
