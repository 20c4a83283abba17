package com.corpintel.migrate.inspect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstraintTest {

    @Test
    void aPrimaryKeyNamesItsColumns() {
        Constraint pk = Constraint.of("financial_metrics_pkey", "PRIMARY KEY (id, metric_date)");
        assertThat(pk.kind()).isEqualTo(Constraint.Kind.PRIMARY_KEY);
        assertThat(pk.columns()).containsExactly("id", "metric_date");
        assertThat(pk.referencedTable()).isNull();
        assertThat(pk.onDelete()).isNull();
    }

    @Test
    void aUniqueConstraintNamesItsColumnsEvenWithNullsNotDistinctAndQuotedNames() {
        assertThat(Constraint.of("u", "UNIQUE (company_id, accession_number)").columns())
                .containsExactly("company_id", "accession_number");
        Constraint odd = Constraint.of("u", "UNIQUE NULLS NOT DISTINCT (\"Odd, Name\", \"Say \"\"hi\"\"\")");
        assertThat(odd.kind()).isEqualTo(Constraint.Kind.UNIQUE);
        assertThat(odd.columns()).containsExactly("Odd, Name", "Say \"hi\"");
    }

    @Test
    void aForeignKeyNamesWhatItReferencesAndItsActions() {
        Constraint fk = Constraint.of("fk_filing_company",
                "FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE");
        assertThat(fk.kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
        assertThat(fk.columns()).containsExactly("company_id");
        assertThat(fk.referencedTable()).isEqualTo("companies");
        assertThat(fk.referencedColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo(Constraint.Action.CASCADE);
        assertThat(fk.onUpdate()).isEqualTo(Constraint.Action.NO_ACTION);
    }

    @Test
    void aForeignKeyIntoAnotherSchemaWithBothActionsIsReadWhole() {
        Constraint fk = Constraint.of("fk", "FOREIGN KEY (a, b) REFERENCES other.\"Parent (x)\"(x, y) MATCH FULL"
                + " ON UPDATE SET NULL ON DELETE SET DEFAULT DEFERRABLE");
        assertThat(fk.referencedTable()).isEqualTo("other.Parent (x)");
        assertThat(fk.referencedColumns()).containsExactly("x", "y");
        assertThat(fk.onUpdate()).isEqualTo(Constraint.Action.SET_NULL);
        assertThat(fk.onDelete()).isEqualTo(Constraint.Action.SET_DEFAULT);
        assertThat(Constraint.of("fk", "FOREIGN KEY (a) REFERENCES t(a) ON DELETE RESTRICT").onDelete())
                .isEqualTo(Constraint.Action.RESTRICT);
        assertThat(Constraint.Action.SET_NULL.words()).isEqualTo("set null");
    }

    @Test
    void aCheckKeepsItsExpressionInTheDefinitionOnly() {
        Constraint check = Constraint.of("ck", "CHECK (rate_limit_per_hour > 0)");
        assertThat(check.kind()).isEqualTo(Constraint.Kind.CHECK);
        assertThat(check.columns()).isEmpty();
        assertThat(check.definition()).isEqualTo("CHECK (rate_limit_per_hour > 0)");
    }

    @Test
    void anExclusionConstraintNamesItsElements() {
        Constraint exclusion = Constraint.of("ex", "EXCLUDE USING gist (room WITH =, tstzrange(a, b) WITH &&)");
        assertThat(exclusion.kind()).isEqualTo(Constraint.Kind.EXCLUSION);
        assertThat(exclusion.columns()).isEqualTo(List.of("room", "tstzrange(a, b)"));
        assertThat(exclusion.kind().words()).isEqualTo("exclusion");
    }

    @Test
    void aDefinitionPostgresqlWouldNotPrintIsRefused() {
        assertThatThrownBy(() -> Constraint.of("n", "NOT NULL x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read constraint n");
    }
}
