package com.corpintel.migrate.lint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy shares its tables with the schema it came from until either side changes one, and
 * "existed when the script began" answers for the script's start whatever the script did since.
 */
class StaticSchemaTest {

    private static StaticSchema withTable(String name, String column, String type) {
        StaticSchema schema = new StaticSchema();
        StaticSchema.Table table = new StaticSchema.Table();
        table.columns.put(column, type);
        schema.putTable(name, table);
        return schema;
    }

    @Test
    void aChangeToACopysTableLeavesTheOriginalAsItWas() {
        StaticSchema original = withTable("t", "a", "integer");
        StaticSchema copy = original.copy();

        copy.tableToChange("t").columns.put("b", "text");
        copy.tableToChange("t").hypertable = true;

        assertThat(copy.table("t").columns).containsOnlyKeys("a", "b");
        assertThat(copy.isHypertable("t")).isTrue();
        assertThat(original.table("t").columns).containsOnlyKeys("a");
        assertThat(original.isHypertable("t")).isFalse();
    }

    @Test
    void aChangeToTheOriginalAfterACopyLeavesTheCopyAsItWas() {
        StaticSchema original = withTable("t", "a", "integer");
        StaticSchema copy = original.copy();

        original.tableToChange("t").columns.remove("a");
        original.removeTable("t");
        original.putTable("u", new StaticSchema.Table());

        assertThat(copy.table("t").columns).containsOnlyKeys("a");
        assertThat(copy.hasTable("u")).isFalse();
        assertThat(original.hasTable("t")).isFalse();
    }

    @Test
    void aTableIsCopiedOnceThenChangedInPlace() {
        StaticSchema original = withTable("t", "a", "integer");
        StaticSchema copy = original.copy();

        StaticSchema.Table first = copy.tableToChange("t");
        StaticSchema.Table second = copy.tableToChange("t");

        assertThat(second).isSameAs(first).isNotSameAs(original.table("t"));
    }

    @Test
    void existedWhenTheScriptBeganIgnoresWhatTheScriptDidSince() {
        StaticSchema schema = withTable("kept", "a", "integer");
        schema.putTable("dropped", new StaticSchema.Table());
        schema.putTable("recreated", new StaticSchema.Table());
        schema.putTable("renamed", new StaticSchema.Table());
        schema.beginScript();

        schema.removeTable("dropped");
        schema.removeTable("recreated");
        schema.putTable("recreated", new StaticSchema.Table());
        schema.putTable("created", new StaticSchema.Table());
        schema.putTable("new_name", schema.removeTable("renamed"));

        assertThat(schema.existedWhenScriptBegan("kept")).isTrue();
        assertThat(schema.existedWhenScriptBegan("dropped")).isTrue();
        assertThat(schema.existedWhenScriptBegan("recreated")).isTrue();
        assertThat(schema.existedWhenScriptBegan("renamed")).isTrue();
        assertThat(schema.existedWhenScriptBegan("created")).isFalse();
        assertThat(schema.existedWhenScriptBegan("new_name")).isFalse();
        assertThat(schema.existedWhenScriptBegan("never")).isFalse();

        schema.beginScript();
        assertThat(schema.existedWhenScriptBegan("created")).isTrue();
        assertThat(schema.existedWhenScriptBegan("dropped")).isFalse();
    }
}
