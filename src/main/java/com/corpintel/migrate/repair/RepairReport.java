package com.corpintel.migrate.repair;

import com.corpintel.migrate.migrate.StatusReport;

import java.util.List;

/**
 * What repair found and did.
 *
 * @param applied true when --apply changed the history (nothing is changed while any item is refused)
 * @param status  the state after (as it stands when nothing was applied)
 */
public record RepairReport(boolean apply, boolean applied, List<RepairItem> items, StatusReport status) {

    public boolean anyRefused() {
        return items.stream().anyMatch(RepairItem::refused);
    }
}
