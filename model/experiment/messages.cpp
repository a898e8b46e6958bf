#include "messages.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace gradlab::experiment {

QString translated(const data::Message& message)
{
    if (message.context == nullptr)
        return QString::fromStdString(message.literal);
    std::vector<std::string> args;
    args.reserve(message.args.size());
    for (const data::Message& a : message.args)
        args.push_back(translated(a).toStdString());
    // One pass over the template, so that an argument holding "%1" is left as it is.
    const QByteArray pattern = QCoreApplication::translate(message.context, message.text).toUtf8();
    return QString::fromStdString(data::Message::substitute(std::string_view(pattern.constData(), static_cast<std::size_t>(pattern.size())), args));
}

QStringList translated(const std::vector<data::Message>& messages)
{
    QStringList out;
    for (const data::Message& m : messages)
        out << translated(m);
    return out;
}

QString translated(const std::exception& error)
{
    if (const auto* carrier = dynamic_cast<const data::MessageCarrier*>(&error))
        return translated(carrier->message());
    return QString::fromUtf8(error.what());
}

} // namespace gradlab::experiment
