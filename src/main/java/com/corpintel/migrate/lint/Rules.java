package com.corpintel.migrate.lint;

import com.corpintel.migrate.lint.rules.ChunkIntervalChange;
import com.corpintel.migrate.lint.rules.ColumnTypeChange;
import com.corpintel.migrate.lint.rules.CompressionColumnChange;
import com.corpintel.migrate.lint.rules.ConcurrentlyInTransaction;
import com.corpintel.migrate.lint.rules.ConstraintWithoutNotValid;
import com.corpintel.migrate.lint.rules.ContinuousAggregateWithData;
import com.corpintel.migrate.lint.rules.CreateHypertableWithoutMigrateData;
import com.corpintel.migrate.lint.rules.DestructiveDrop;
import com.corpintel.migrate.lint.rules.DisableCompression;
import com.corpintel.migrate.lint.rules.DropHypertableWithAggregates;
import com.corpintel.migrate.lint.rules.HypertableBlockingIndex;
import com.corpintel.migrate.lint.rules.HypertableConcurrentIndex;
import com.corpintel.migrate.lint.rules.IvfflatOnEmptyTable;
import com.corpintel.migrate.lint.rules.LintSuppression;
import com.corpintel.migrate.lint.rules.MalformedScript;
import com.corpintel.migrate.lint.rules.MissingUndo;
import com.corpintel.migrate.lint.rules.NotNullColumnWithoutDefault;
import com.corpintel.migrate.lint.rules.PreferIdentity;
import com.corpintel.migrate.lint.rules.PreferTextOverChar;
import com.corpintel.migrate.lint.rules.PreferTextOverVarchar;
import com.corpintel.migrate.lint.rules.PreferTimestamptz;
import com.corpintel.migrate.lint.rules.RenameInUse;
import com.corpintel.migrate.lint.rules.RequireConcurrentIndex;
import com.corpintel.migrate.lint.rules.RequireConcurrentIndexDrop;
import com.corpintel.migrate.lint.rules.RetentionShorterThanRefresh;
import com.corpintel.migrate.lint.rules.SetNotNull;
import com.corpintel.migrate.lint.rules.TransactionControl;
import com.corpintel.migrate.lint.rules.UndoDataLoss;
import com.corpintel.migrate.lint.rules.UniqueWithoutUsingIndex;
import com.corpintel.migrate.lint.rules.VectorDimensionChange;
import com.corpintel.migrate.lint.rules.VectorIndexMaintenanceWorkMem;
import com.corpintel.migrate.lint.rules.VectorIndexWithoutOpclass;
import com.corpintel.migrate.lint.rules.VolatileDefault;

import java.util.List;

/** Every lint rule, registered by hand: a native executable cannot discover classes. */
public final class Rules {

    public static final List<Rule> ALL = List.of(
            // reading the script at all
            new MalformedScript(),
            new LintSuppression(),
            // PostgreSQL
            new RequireConcurrentIndex(),
            new RequireConcurrentIndexDrop(),
            new ConcurrentlyInTransaction(),
            new ConstraintWithoutNotValid(),
            new SetNotNull(),
            new NotNullColumnWithoutDefault(),
            new VolatileDefault(),
            new ColumnTypeChange(),
            new UniqueWithoutUsingIndex(),
            new RenameInUse(),
            new DestructiveDrop(),
            new PreferIdentity(),
            new PreferTimestamptz(),
            new PreferTextOverChar(),
            new PreferTextOverVarchar(),
            new TransactionControl(),
            new MissingUndo(),
            new UndoDataLoss(),
            // TimescaleDB
            new HypertableConcurrentIndex(),
            new HypertableBlockingIndex(),
            new ContinuousAggregateWithData(),
            new DisableCompression(),
            new CompressionColumnChange(),
            new DropHypertableWithAggregates(),
            new CreateHypertableWithoutMigrateData(),
            new RetentionShorterThanRefresh(),
            new ChunkIntervalChange(),
            // pgvector
            new IvfflatOnEmptyTable(),
            new VectorIndexWithoutOpclass(),
            new VectorDimensionChange(),
            new VectorIndexMaintenanceWorkMem());

    private Rules() {
    }

    public static Rule byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
