// gradlab-cli: the experiment engine without windows, for scripts, batch exports and benchmarks.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace gradlab::cli {

// Exit statuses, as documented in the README.
enum Exit { Ok = 0, Diverged = 1, BadInput = 2, Interrupted = 130 };

// Runs one command line (without the program name); writes results to `out` and one clear line
// per problem to `err`.
int run(const QStringList& args, QTextStream& out, QTextStream& err);

// Whether the command line draws plots (--export-plot, --export-loss-plot), which need a
// QApplication; every other command runs on a QCoreApplication, with no platform plugin to load.
bool needsWidgets(const QStringList& args);

} // namespace gradlab::cli
