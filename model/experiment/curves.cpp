#include "curves.h"

#include "exports.h"
#include "model_factory.h"

#include "engine/autograd.h"
#include "fit/loss.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace gradlab::experiment {
namespace {

struct CurvesText {
    Q_DECLARE_TR_FUNCTIONS(CurvesText)
};

std::size_t totalValues(const std::vector<ParamSlot>& layout)
{
    std::size_t n = 0;
    for (const ParamSlot& slot : layout)
        n += static_cast<std::size_t>(slot.size);
    return n;
}

fit::LossSpec lossSpec(const LossConfig& config)
{
    fit::LossSpec spec;
    spec.reduction = config.reduction == LossConfig::Reduction::Sum ? fit::Reduction::Sum : fit::Reduction::Mean;
    switch (config.type) {
    case LossConfig::Type::Mse: spec.kind = fit::LossKind::MSE; break;
    case LossConfig::Type::L1: spec.kind = fit::LossKind::L1; break;
    case LossConfig::Type::Huber:
        spec.kind = fit::LossKind::Huber;
        spec.parameter = config.delta;
        break;
    case LossConfig::Type::SmoothL1:
        spec.kind = fit::LossKind::SmoothL1;
        spec.parameter = config.beta;
        break;
    }
    return spec;
}

std::vector<double> axis(double center, double halfWidth, int steps)
{
    std::vector<double> v(static_cast<std::size_t>(steps));
    for (int i = 0; i < steps; ++i)
        v[static_cast<std::size_t>(i)] = center - halfWidth + 2.0 * halfWidth * i / (steps - 1);
    return v;
}

} // namespace

std::vector<ParamSlot> parameterLayout(const ModelConfig& config, std::int64_t features)
{
    ModelConfig zeros = config;
    zeros.init.scheme = InitConfig::Scheme::Zeros;
    zeros.frozen.clear();
    std::vector<ParamSlot> layout;
    for (const auto& [name, p] : buildModel(zeros, modelInputs(config, features), DType::Float64)->namedParameters())
        layout.push_back({QString::fromStdString(name), p.numel()});
    return layout;
}

std::vector<double> initialParameters(const ModelConfig& config, std::int64_t features)
{
    ModelConfig m = config;
    m.frozen.clear();
    std::vector<double> values;
    for (const auto& [name, p] : buildModel(m, modelInputs(config, features), DType::Float64)->namedParameters()) {
        const std::vector<double> v = p.toVector();
        values.insert(values.end(), v.begin(), v.end());
    }
    return values;
}

std::optional<std::vector<double>> predict(const ModelConfig& config, const std::vector<ParamSlot>& layout,
                                           const std::vector<double>& values, const std::vector<double>& xs, QString* error)
{
    return predictRows(config, layout, values, xs, 1, error);
}

std::optional<std::vector<double>> predictRows(const ModelConfig& config, const std::vector<ParamSlot>& layout,
                                               const std::vector<double>& values, const std::vector<double>& x,
                                               std::int64_t features, QString* error)
{
    if (values.size() != totalValues(layout)) {
        *error = CurvesText::tr("The model has %1 parameter values; %2 were given").arg(totalValues(layout)).arg(values.size());
        return std::nullopt;
    }
    if (features < 1 || x.size() % static_cast<std::size_t>(features) != 0) {
        *error = CurvesText::tr("%1 feature values do not make rows of %2 features").arg(x.size()).arg(features);
        return std::nullopt;
    }
    ModelConfig m = config;
    m.frozen.clear();
    m.init.scheme = InitConfig::Scheme::Custom;
    m.init.values.clear();
    std::size_t at = 0;
    for (const ParamSlot& slot : layout) {
        const auto end = at + static_cast<std::size_t>(slot.size);
        m.init.values[slot.name] = std::vector<double>(values.begin() + static_cast<std::ptrdiff_t>(at), values.begin() + static_cast<std::ptrdiff_t>(end));
        at = end;
    }
    try {
        const std::int64_t inputs = modelInputs(m, features);
        const std::shared_ptr<Module> model = buildModel(m, inputs, DType::Float64);
        model->eval();
        NoGradGuard noGrad;
        const auto rows = static_cast<std::int64_t>(x.size()) / features;
        const Tensor t = fromData(expandFeatures(m, x, features), Shape{rows, inputs}, TensorOptions{}.withDType(DType::Float64));
        return (*model)(t).toVector();
    } catch (const std::exception& e) {
        *error = CurvesText::tr("The parameters do not fit the model: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

std::optional<Landscape> lossLandscape(const ExperimentConfig& config, const data::Dataset& train, const std::vector<double>& center,
                                       double halfWidthA, double halfWidthB, int steps, QString* error)
{
    if (train.rows() == 0) {
        *error = CurvesText::tr("The loss landscape needs training rows; there are none");
        return std::nullopt;
    }
    std::vector<ParamSlot> layout;
    try {
        layout = parameterLayout(config.model, train.features());
    } catch (const std::exception& e) {
        *error = CurvesText::tr("The model cannot take this data: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    const std::size_t values = totalValues(layout);
    if (values != 2 || train.features() != 1) {
        *error = CurvesText::tr("The loss landscape is drawn over two parameters; this model has %1 parameter values").arg(values);
        return std::nullopt;
    }
    if (center.size() != 2 || !std::isfinite(center[0]) || !std::isfinite(center[1])) {
        *error = CurvesText::tr("The loss landscape needs a finite centre for both parameters");
        return std::nullopt;
    }
    if (!(halfWidthA > 0.0) || !(halfWidthB > 0.0) || !std::isfinite(halfWidthA) || !std::isfinite(halfWidthB)) {
        *error = CurvesText::tr("The loss landscape needs a positive, finite width on both axes");
        return std::nullopt;
    }
    if (steps < 2 || steps > 2001) {
        *error = CurvesText::tr("The loss landscape needs 2 to 2001 steps per axis, not %1").arg(steps);
        return std::nullopt;
    }

    const std::int64_t n = train.rows();
    const bool mse = config.loss.type == LossConfig::Type::Mse;
    // Rows evaluated: all for MSE (sums), else at most kLandscapeMaxRows spread evenly.
    const std::int64_t m = mse ? n : std::min(n, kLandscapeMaxRows);
    std::vector<double> xs(static_cast<std::size_t>(m)), ys(static_cast<std::size_t>(m));
    for (std::int64_t k = 0; k < m; ++k) {
        const std::int64_t row = m == n ? k : static_cast<std::int64_t>((static_cast<long double>(k) * n) / m);
        xs[static_cast<std::size_t>(k)] = train.feature(row, 0);
        ys[static_cast<std::size_t>(k)] = train.y[static_cast<std::size_t>(row)];
    }

    // Both models with two values are linear in them: prediction = p0·c0 + p1·c1, with the
    // columns read from the model itself so that the parameter order is the model's.
    const auto c0 = predict(config.model, layout, {1.0, 0.0}, xs, error);
    if (!c0)
        return std::nullopt;
    const auto c1 = predict(config.model, layout, {0.0, 1.0}, xs, error);
    if (!c1)
        return std::nullopt;

    Landscape land;
    land.aAxis = axis(center[0], halfWidthA, steps);
    land.bAxis = axis(center[1], halfWidthB, steps);
    const QStringList names = flatParameterNames(layout);
    land.aName = names.value(0);
    land.bName = names.value(1);
    land.exact = m == n;
    land.loss.resize(static_cast<std::size_t>(steps) * static_cast<std::size_t>(steps));
    const std::size_t count = static_cast<std::size_t>(m);

    if (mse) {
        // Σ(r − d0·c0 − d1·c1)² with r the residual at the centre: exact for any n, and
        // expanded about the centre so that little cancels near the optimum.
        double rr = 0, r0 = 0, r1 = 0, s00 = 0, s01 = 0, s11 = 0;
        for (std::size_t k = 0; k < count; ++k) {
            const double u = (*c0)[k], v = (*c1)[k];
            const double r = ys[k] - (center[0] * u + center[1] * v);
            rr += r * r;
            r0 += r * u;
            r1 += r * v;
            s00 += u * u;
            s01 += u * v;
            s11 += v * v;
        }
        const double scale = config.loss.reduction == LossConfig::Reduction::Mean ? 1.0 / static_cast<double>(n) : 1.0;
        for (int j = 0; j < steps; ++j) {
            const double d1 = land.bAxis[static_cast<std::size_t>(j)] - center[1];
            for (int i = 0; i < steps; ++i) {
                const double d0 = land.aAxis[static_cast<std::size_t>(i)] - center[0];
                const double sum = rr - 2.0 * (d0 * r0 + d1 * r1) + d0 * d0 * s00 + 2.0 * d0 * d1 * s01 + d1 * d1 * s11;
                land.loss[static_cast<std::size_t>(j * steps + i)] = std::max(0.0, sum) * scale;
            }
        }
    } else {
        const fit::LossSpec spec = lossSpec(config.loss);
        // A sum over a subsample stands for the sum over all rows.
        const double scale = spec.reduction == fit::Reduction::Sum ? static_cast<double>(n) / static_cast<double>(m) : 1.0;
        std::vector<double> prediction(count);
        try {
            for (int j = 0; j < steps; ++j) {
                const double pb = land.bAxis[static_cast<std::size_t>(j)];
                for (int i = 0; i < steps; ++i) {
                    const double pa = land.aAxis[static_cast<std::size_t>(i)];
                    for (std::size_t k = 0; k < count; ++k)
                        prediction[k] = pa * (*c0)[k] + pb * (*c1)[k];
                    land.loss[static_cast<std::size_t>(j * steps + i)] = fit::loss(prediction, ys, spec) * scale;
                }
            }
        } catch (const std::exception& e) {
            *error = CurvesText::tr("The loss cannot be evaluated: %1").arg(QString::fromUtf8(e.what()));
            return std::nullopt;
        }
    }

    land.minLoss = std::numeric_limits<double>::infinity();
    for (int j = 0; j < steps; ++j) {
        for (int i = 0; i < steps; ++i) {
            const double v = land.loss[static_cast<std::size_t>(j * steps + i)];
            if (v < land.minLoss) {
                land.minLoss = v;
                land.minA = land.aAxis[static_cast<std::size_t>(i)];
                land.minB = land.bAxis[static_cast<std::size_t>(j)];
            }
        }
    }
    if (!std::isfinite(land.minLoss)) {
        *error = CurvesText::tr("The loss is not finite anywhere on the grid: the data has values that are not numbers");
        return std::nullopt;
    }
    return land;
}

std::vector<Polyline> contours(const Landscape& land, const std::vector<double>& levels)
{
    std::vector<Polyline> lines;
    const std::int64_t na = static_cast<std::int64_t>(land.aAxis.size());
    const std::int64_t nb = static_cast<std::int64_t>(land.bAxis.size());
    if (na < 2 || nb < 2 || land.loss.size() != static_cast<std::size_t>(na * nb))
        return lines;
    const auto value = [&](std::int64_t i, std::int64_t j) { return land.loss[static_cast<std::size_t>(j * na + i)]; };
    // Every crossing lies on a grid edge, and each edge is shared by at most two cells: chaining
    // segments by the edge they end on joins them without comparing coordinates.
    const auto hEdge = [&](std::int64_t i, std::int64_t j) { return 2 * (j * na + i); };     // (i,j)–(i+1,j)
    const auto vEdge = [&](std::int64_t i, std::int64_t j) { return 2 * (j * na + i) + 1; }; // (i,j)–(i,j+1)

    for (const double level : levels) {
        std::vector<std::array<std::int64_t, 2>> segments;
        std::unordered_map<std::int64_t, std::array<double, 2>> points;
        const auto crossing = [&](std::int64_t edge) {
            if (points.count(edge))
                return;
            const std::int64_t cell = edge / 2;
            const std::int64_t i = cell % na, j = cell / na;
            const bool horizontal = edge % 2 == 0;
            const std::int64_t i2 = horizontal ? i + 1 : i, j2 = horizontal ? j : j + 1;
            const double v0 = value(i, j), v1 = value(i2, j2);
            const double t = (level - v0) / (v1 - v0);
            const double a0 = land.aAxis[static_cast<std::size_t>(i)], a1 = land.aAxis[static_cast<std::size_t>(i2)];
            const double b0 = land.bAxis[static_cast<std::size_t>(j)], b1 = land.bAxis[static_cast<std::size_t>(j2)];
            points[edge] = {a0 + t * (a1 - a0), b0 + t * (b1 - b0)};
        };
        const auto segment = [&](std::int64_t e1, std::int64_t e2) {
            crossing(e1);
            crossing(e2);
            segments.push_back({e1, e2});
        };
        for (std::int64_t j = 0; j + 1 < nb; ++j) {
            for (std::int64_t i = 0; i + 1 < na; ++i) {
                const double v00 = value(i, j), v10 = value(i + 1, j), v11 = value(i + 1, j + 1), v01 = value(i, j + 1);
                if (!std::isfinite(v00) || !std::isfinite(v10) || !std::isfinite(v11) || !std::isfinite(v01))
                    continue;
                const int index = (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0) | (v11 >= level ? 4 : 0) | (v01 >= level ? 8 : 0);
                const std::int64_t bottom = hEdge(i, j), top = hEdge(i, j + 1), left = vEdge(i, j), right = vEdge(i + 1, j);
                switch (index) {
                case 0:
                case 15: break;
                case 1:
                case 14: segment(left, bottom); break;
                case 2:
                case 13: segment(bottom, right); break;
                case 3:
                case 12: segment(left, right); break;
                case 4:
                case 11: segment(right, top); break;
                case 6:
                case 9: segment(bottom, top); break;
                case 7:
                case 8: segment(top, left); break;
                case 5:
                case 10: {
                    // A saddle: the corners on the centre's side are joined through it.
                    const bool centreAbove = (v00 + v10 + v11 + v01) / 4.0 >= level;
                    if (centreAbove == (v00 >= level)) {
                        segment(bottom, right);
                        segment(top, left);
                    } else {
                        segment(left, bottom);
                        segment(right, top);
                    }
                    break;
                }
                default: break;
                }
            }
        }

        std::unordered_map<std::int64_t, std::vector<std::size_t>> atEdge;
        for (std::size_t s = 0; s < segments.size(); ++s) {
            atEdge[segments[s][0]].push_back(s);
            atEdge[segments[s][1]].push_back(s);
        }
        std::vector<bool> used(segments.size(), false);
        const auto walk = [&](std::int64_t start) {
            Polyline line;
            line.level = level;
            std::int64_t edge = start;
            const auto add = [&](std::int64_t e) {
                const auto& p = points[e];
                line.a.push_back(p[0]);
                line.b.push_back(p[1]);
            };
            add(edge);
            for (;;) {
                std::size_t next = segments.size();
                for (const std::size_t s : atEdge[edge])
                    if (!used[s]) {
                        next = s;
                        break;
                    }
                if (next == segments.size())
                    break;
                used[next] = true;
                edge = segments[next][0] == edge ? segments[next][1] : segments[next][0];
                add(edge);
            }
            line.closed = line.a.size() > 2 && edge == start;
            if (line.a.size() > 1)
                lines.push_back(std::move(line));
        };
        // Open lines start at the border (an edge with one segment); what is left is loops.
        for (std::size_t s = 0; s < segments.size(); ++s)
            for (const std::int64_t e : segments[s])
                if (!used[s] && atEdge[e].size() == 1)
                    walk(e);
        for (std::size_t s = 0; s < segments.size(); ++s)
            if (!used[s])
                walk(segments[s][0]);
    }
    return lines;
}

std::vector<double> contourLevels(const Landscape& land, int count)
{
    std::vector<double> levels;
    double hi = -std::numeric_limits<double>::infinity();
    for (const double v : land.loss)
        if (std::isfinite(v))
            hi = std::max(hi, v);
    if (count < 1 || !(hi > land.minLoss))
        return levels;
    for (int k = 1; k <= count; ++k) {
        const double t = static_cast<double>(k) / (count + 1);
        levels.push_back(land.minLoss + (hi - land.minLoss) * t * t);
    }
    return levels;
}

} // namespace gradlab::experiment
