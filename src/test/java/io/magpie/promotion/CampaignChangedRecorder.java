package io.magpie.promotion;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every {@link CampaignChanged} (test sources; joins the shared context by component scanning). */
@Component
class CampaignChangedRecorder {

    private final Queue<CampaignChanged> received = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(CampaignChanged event) {
        received.add(event);
    }

    List<CampaignChanged> of(long tenantId, long campaignId) {
        return received.stream()
                .filter(e -> e.tenantId() == tenantId && e.campaignId() == campaignId)
                .toList();
    }
}
