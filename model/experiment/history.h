// A run's history: every epoch up to a limit; beyond it, thinned so that each stretch of epochs
// keeps its lowest and highest training loss (a long run's curve keeps its spikes and dips).
#pragma once

#include "trainer.h"

#include <vector>

namespace gradlab::experiment {

class History {
public:
    static constexpr std::size_t kDefaultLimit = 100'000;
    explicit History(std::size_t limit = kDefaultLimit);

    void add(const EpochRecord& record);
    // The kept records in epoch order, ending with the latest epoch.
    std::vector<EpochRecord> records() const;
    std::size_t size() const { return kept_.size() + pending_.size(); }
    bool empty() const { return size() == 0; }
    const EpochRecord& last() const { return pending_.empty() ? kept_.back() : pending_.back(); }
    // Epochs represented per kept stretch (1 until the limit is first reached).
    std::size_t stride() const { return stride_; }

private:
    void flushPending();
    void compact();

    std::size_t limit_;
    std::size_t stride_ = 1;
    std::vector<EpochRecord> kept_;
    std::vector<EpochRecord> pending_; // the current stretch, fewer than stride_ epochs
};

// The records of one stretch reduced to its minimum and maximum training loss, in epoch order
// (one record when they coincide).
std::vector<EpochRecord> extremes(const std::vector<EpochRecord>& stretch);

} // namespace gradlab::experiment
