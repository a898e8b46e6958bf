#include "history.h"

#include <algorithm>

namespace gradlab::experiment {

std::vector<EpochRecord> extremes(const std::vector<EpochRecord>& stretch)
{
    if (stretch.size() <= 2)
        return stretch;
    auto byLoss = [](const EpochRecord& a, const EpochRecord& b) { return a.trainLoss < b.trainLoss; };
    const auto [lo, hi] = std::minmax_element(stretch.begin(), stretch.end(), byLoss);
    if (lo == hi)
        return {*lo};
    return lo->epoch < hi->epoch ? std::vector<EpochRecord>{*lo, *hi} : std::vector<EpochRecord>{*hi, *lo};
}

History::History(std::size_t limit) : limit_(std::max<std::size_t>(limit, 8)) {}

void History::add(const EpochRecord& record)
{
    pending_.push_back(record);
    if (pending_.size() >= stride_)
        flushPending();
}

void History::flushPending()
{
    const auto kept = stride_ == 1 ? pending_ : extremes(pending_);
    kept_.insert(kept_.end(), kept.begin(), kept.end());
    pending_.clear();
    if (kept_.size() > limit_)
        compact();
}

void History::compact()
{
    // The kept records are regrouped in fours and reduced to their extremes: half as many.
    std::vector<EpochRecord> out;
    out.reserve(kept_.size() / 2 + 2);
    for (std::size_t i = 0; i < kept_.size(); i += 4) {
        const std::vector<EpochRecord> group(kept_.begin() + static_cast<std::ptrdiff_t>(i),
                                             kept_.begin() + static_cast<std::ptrdiff_t>(std::min(i + 4, kept_.size())));
        const auto e = extremes(group);
        out.insert(out.end(), e.begin(), e.end());
    }
    kept_ = std::move(out);
    // New stretches keep two records (their extremes) over as many epochs as two kept records
    // now stand for: four epochs after the first compaction, twice as many after each next one.
    stride_ = stride_ == 1 ? 4 : stride_ * 2;
}

std::vector<EpochRecord> History::records() const
{
    // The unfinished stretch is thinned like the others, and the latest epoch is always there.
    std::vector<EpochRecord> all = kept_;
    const auto tail = stride_ == 1 ? pending_ : extremes(pending_);
    all.insert(all.end(), tail.begin(), tail.end());
    if (!pending_.empty() && all.back().epoch != pending_.back().epoch)
        all.push_back(pending_.back());
    return all;
}

} // namespace gradlab::experiment
