package com.corpintel.migrate.alembic;

import com.corpintel.migrate.db.Identifiers;
import com.corpintel.migrate.timescale.Edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps a bridge runs on one database, in order: the scripts of the server's branch,
 * with one decompression step per compressed chunk before a script that asks for it
 * ({@code -- decompress: <hypertable>}), and the scripts a previous, interrupted run
 * committed marked done. Pure: the caller reads the catalog.
 *
 * @param bridge  the bridge
 * @param edition the TimescaleDB branch the steps belong to
 * @param steps   every step, done or not
 */
public record BridgePlan(Bridge bridge, Edition edition, List<Step> steps) {

    /** A chunk stored compressed, and its size once decompressed (what the step writes). */
    public record CompressedChunk(String hypertable, String chunk, long uncompressedBytes) {
    }

    /**
     * One step.
     *
     * @param label  e.g. {@code B05 financial_metrics} or {@code decompress _timescaledb_internal._hyper_1_3_chunk}
     * @param script the bundled script; empty for a decompression step (which is not recorded: running it
     *               again is a no-op)
     * @param sql    what runs, in one transaction
     * @param locks  what it locks
     * @param done   committed by an earlier run (recorded in the progress table)
     */
    public record Step(String label, Optional<BridgeScript> script, String sql, List<LockEstimate> locks,
                       boolean done) {
    }

    /**
     * @param compressed the compressed chunks of the database's hypertables
     * @param committed  the labels of the scripts an earlier run committed
     */
    public static BridgePlan of(Bridge bridge, Edition edition, List<CompressedChunk> compressed,
                                java.util.Set<String> committed) {
        List<Step> steps = new ArrayList<>();
        for (BridgeScript script : bridge.steps(edition)) {
            boolean done = committed.contains(script.label());
            if (!done && script.decompress().isPresent()) {
                for (CompressedChunk chunk : compressed) {
                    if (chunk.hypertable().equals(script.decompress().get())) {
                        steps.add(decompress(chunk));
                    }
                }
            }
            steps.add(new Step(script.label(), Optional.of(script), script.sql(), script.locks(), done));
        }
        return new BridgePlan(bridge, edition, List.copyOf(steps));
    }

    private static Step decompress(CompressedChunk chunk) {
        String sql = "SELECT decompress_chunk(" + Identifiers.literal(chunk.chunk()) + "::regclass, if_compressed => true)";
        return new Step("decompress " + chunk.chunk(), Optional.empty(), sql,
                List.of(new LockEstimate(chunk.chunk(), "ACCESS EXCLUSIVE", "rewrite: decompress "
                        + chunk.uncompressedBytes() + " bytes")), false);
    }

    /** The steps still to run. */
    public List<Step> remaining() {
        return steps.stream().filter(s -> !s.done()).toList();
    }

    /** How many of the bridge's scripts (not decompression steps) ran already. */
    public long scriptsDone() {
        return steps.stream().filter(s -> s.done() && s.script().isPresent()).count();
    }

    /** Script labels and checksums of this plan, for comparing with a progress table. */
    public Map<String, Integer> checksums() {
        Map<String, Integer> checksums = new java.util.LinkedHashMap<>();
        steps.forEach(s -> s.script().ifPresent(script -> checksums.put(s.label(), script.checksum())));
        return checksums;
    }
}
