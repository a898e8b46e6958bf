// GradLab's live plots, all QCustomPlot widgets on the PlotView base (zoom, pan, reset, export):
// data and fit, loss curves, parameter trajectories and the loss landscape.
#pragma once

#include "plot_data_fit.h"
#include "plot_landscape.h"
#include "plot_loss.h"
#include "plot_parameters.h"
#include "plot_view.h"
