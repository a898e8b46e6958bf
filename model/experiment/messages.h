// Messages from the layers without Qt (data, fit), in the user's language.
#pragma once

#include "data/message.h"

#include <QString>
#include <QStringList>

#include <exception>
#include <vector>

namespace gradlab::experiment {

// The template translated in its context (QCoreApplication::translate), each argument put in
// its place; English where no translator knows it.
QString translated(const data::Message& message);

QStringList translated(const std::vector<data::Message>& messages);

// An exception's text: its data::Message translated when it carries one, else what().
QString translated(const std::exception& error);

} // namespace gradlab::experiment
