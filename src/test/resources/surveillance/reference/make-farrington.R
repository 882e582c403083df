# Reference results of surveillance::farrington (algo.farrington) and surveillance::farringtonFlexible
# for FarringtonReferenceTest. Run from anywhere with
#   Rscript src/test/resources/surveillance/reference/make-farrington.R
# It writes, beside itself:
#   farrington-series-<name>.csv   the input series (date,count), made here with a fixed seed
#   farrington-out-<case>.csv      date,count,threshold,alarm per case (threshold empty where R gives
#                                  none: before the first point with a full baseline, or NA)
#   farrington-cases.tsv           case, series, frequency, method and our parameters (NAME=VALUE;...)
# Every point with the full baseline (index k >= b*freq + w + 1, 1-based) is computed; the series are
# index-based sts objects (epochAsDate = FALSE), as our detectors are.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
if (length(script) == 1) setwd(dirname(normalizePath(script)))
suppressPackageStartupMessages(library(surveillance))
cat("surveillance", format(packageVersion("surveillance")), "on", R.version.string, "\n")

set.seed(20240611)

weekly_dates <- function(n) as.Date("2015-01-05") + 7 * (0:(n - 1)) # Mondays
daily_dates <- function(n) as.Date("2015-01-01") + 0:(n - 1)

add_outbreaks <- function(x, at, size) {
	for (i in seq_along(at)) {
		len <- 3
		idx <- at[i] + 0:(len - 1)
		idx <- idx[idx <= length(x)]
		x[idx] <- x[idx] + rpois(length(idx), size[i])
	}
	x
}

series <- list()
freqs <- list()

# 7 years of weekly counts with a winter peak, overdispersed, and four outbreaks
t <- 1:364
mu <- exp(2 + 0.6 * sin(2 * pi * t / 52) + 0.3 * cos(2 * pi * t / 52))
x <- rnbinom(length(t), size = 10, mu = mu)
series[["weekly-seasonal"]] <- add_outbreaks(x, c(120, 280, 310, 340), c(12, 15, 20, 10))
freqs[["weekly-seasonal"]] <- 52

# 7 years of weekly counts with an upward trend and seasonality
mu <- exp(1.2 + 0.004 * t + 0.5 * sin(2 * pi * t / 52))
x <- rpois(length(t), mu)
series[["weekly-trend"]] <- add_outbreaks(x, c(300, 330), c(10, 12))
freqs[["weekly-trend"]] <- 52

# a rare disease: mostly zeros, a few clusters
t <- 1:330
x <- rpois(length(t), 0.15)
x[c(290, 291, 300, 301, 302, 320)] <- c(2, 3, 6, 3, 1, 5)
series[["weekly-zeros"]] <- x
freqs[["weekly-zeros"]] <- 52

# nothing at all for five and a half years, then a cluster: every baseline is all zero
x <- integer(300)
x[c(285, 286, 287, 288, 293, 297)] <- c(2, 3, 4, 1, 8, 1)
series[["weekly-allzero"]] <- x
freqs[["weekly-allzero"]] <- 52

# just over five years: only the last few weeks have the full baseline (b = 5, w = 3)
t <- 1:270
x <- rpois(length(t), exp(1.5 + 0.5 * sin(2 * pi * t / 52)))
x[268] <- x[268] + 15
series[["weekly-short"]] <- x
freqs[["weekly-short"]] <- 52

# six years of daily counts with a yearly cycle, a weekday effect and outbreaks
t <- 1:2200
dow <- c(0, 0.2, 0.15, 0.1, 0.1, -0.3, -0.5)[(t %% 7) + 1]
mu <- exp(1.3 + 0.5 * sin(2 * pi * t / 365) + dow)
x <- rnbinom(length(t), size = 8, mu = mu)
series[["daily"]] <- add_outbreaks(x, c(1900, 2050, 2150), c(15, 20, 12))
freqs[["daily"]] <- 365

# name, series, method, R control (list), our parameters (NAME=VALUE;...)
cases <- list(
	list("f-default-seasonal", "weekly-seasonal", "farrington", list(), ""),
	list("f-default-trend", "weekly-trend", "farrington", list(), ""),
	list("f-default-zeros", "weekly-zeros", "farrington", list(), ""),
	list("f-default-allzero", "weekly-allzero", "farrington", list(), ""),
	list("f-default-short", "weekly-short", "farrington", list(), ""),
	list("f-notrend-noreweight", "weekly-seasonal", "farrington", list(trend = FALSE, reweight = FALSE),
		"trend=false;reweight=false"),
	list("f-b3-w2-alpha01", "weekly-trend", "farrington", list(b = 3, w = 2, alpha = 0.01), "b=3;w=2;alpha=0.01"),
	list("f-powertrans-half", "weekly-seasonal", "farrington", list(powertrans = "1/2"), "powertrans=1/2"),
	list("f-powertrans-none", "weekly-trend", "farrington", list(powertrans = "none"), "powertrans=none"),
	list("f-limit54-0-1", "weekly-zeros", "farrington", list(limit54 = c(0, 1)), "limit54=0,1"),
	list("f-daily-b3-w7", "daily", "farrington", list(b = 3, w = 7), "b=3;w=7"),
	list("f-daily-default", "daily", "farrington", list(), ""),

	list("ff-default-seasonal", "weekly-seasonal", "farrington-flexible", list(), ""),
	list("ff-default-trend", "weekly-trend", "farrington-flexible", list(), ""),
	list("ff-default-zeros", "weekly-zeros", "farrington-flexible", list(), ""),
	list("ff-default-allzero", "weekly-allzero", "farrington-flexible", list(), ""),
	list("ff-default-short", "weekly-short", "farrington-flexible", list(), ""),
	list("ff-nbplugin-seasonal", "weekly-seasonal", "farrington-flexible", list(thresholdMethod = "nbPlugin"),
		"thresholdMethod=nbPlugin"),
	list("ff-nbplugin-zeros", "weekly-zeros", "farrington-flexible", list(thresholdMethod = "nbPlugin", limit54 = c(0, 1)),
		"thresholdMethod=nbPlugin;limit54=0,1"),
	list("ff-muan-trend", "weekly-trend", "farrington-flexible", list(thresholdMethod = "muan"), "thresholdMethod=muan"),
	list("ff-noufaily-seasonal", "weekly-seasonal", "farrington-flexible",
		list(noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "muan"),
		"noPeriods=10;pastWeeksNotIncluded=26;thresholdMethod=muan"),
	list("ff-noufaily-trend", "weekly-trend", "farrington-flexible",
		list(noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "nbPlugin"),
		"noPeriods=10;pastWeeksNotIncluded=26;thresholdMethod=nbPlugin"),
	list("ff-noufaily-zeros", "weekly-zeros", "farrington-flexible",
		list(noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "muan", limit54 = c(0, 1)),
		"noPeriods=10;pastWeeksNotIncluded=26;thresholdMethod=muan;limit54=0,1"),
	list("ff-np10-delta-seasonal", "weekly-seasonal", "farrington-flexible", list(noPeriods = 10), "noPeriods=10"),
	list("ff-notrend-noreweight", "weekly-seasonal", "farrington-flexible", list(trend = FALSE, reweight = FALSE),
		"trend=false;reweight=false"),
	list("ff-b3-w2-trend", "weekly-trend", "farrington-flexible",
		list(b = 3, w = 2, weightsThreshold = 1, pThresholdTrend = 0.2), "b=3;w=2;weightsThreshold=1;pThresholdTrend=0.2"),
	list("ff-pwni0-seasonal", "weekly-seasonal", "farrington-flexible", list(pastWeeksNotIncluded = 0),
		"pastWeeksNotIncluded=0"),
	list("ff-alpha01-limit54", "weekly-seasonal", "farrington-flexible", list(alpha = 0.01, limit54 = c(3, 2)),
		"alpha=0.01;limit54=3,2"),
	list("ff-powertrans-none", "weekly-trend", "farrington-flexible", list(powertrans = "none"), "powertrans=none"),
	list("ff-daily-b3-w7", "daily", "farrington-flexible", list(b = 3, w = 7), "b=3;w=7"),
	list("ff-daily-default", "daily", "farrington-flexible", list(), ""),
	list("ff-daily-np4-nbplugin", "daily", "farrington-flexible",
		list(b = 3, w = 7, noPeriods = 4, thresholdMethod = "nbPlugin"), "b=3;w=7;noPeriods=4;thresholdMethod=nbPlugin")
)

fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))

for (name in names(series)) {
	x <- series[[name]]
	dates <- if (freqs[[name]] == 52) weekly_dates(length(x)) else daily_dates(length(x))
	write.csv(data.frame(date = format(dates), count = x), paste0("farrington-series-", name, ".csv"),
		row.names = FALSE, quote = FALSE)
}

index <- data.frame()
for (c in cases) {
	name <- c[[1]]; sname <- c[[2]]; method <- c[[3]]; ctrl <- c[[4]]; ours <- c[[5]]
	x <- series[[sname]]
	freq <- freqs[[sname]]
	dates <- if (freq == 52) weekly_dates(length(x)) else daily_dates(length(x))
	b <- if (is.null(ctrl$b)) 5 else ctrl$b
	w <- if (is.null(ctrl$w)) 3 else ctrl$w
	first <- b * freq + w + 1
	threshold <- rep(NA_real_, length(x))
	alarm <- rep(FALSE, length(x))
	if (first <= length(x)) {
		range <- first:length(x)
		s <- sts(observed = x, start = c(2015, 1), frequency = freq)
		control <- modifyList(ctrl, list(range = range))
		res <- if (method == "farrington") {
			suppressWarnings(farrington(s, control = control))
		} else {
			suppressWarnings(farringtonFlexible(s, control = control))
		}
		threshold[range] <- as.vector(upperbound(res))
		alarm[range] <- as.vector(alarms(res))
	}
	write.csv(data.frame(date = format(dates), count = x, threshold = fmt(threshold), alarm = alarm),
		paste0("farrington-out-", name, ".csv"), row.names = FALSE, quote = FALSE)
	index <- rbind(index, data.frame(case = name, series = sname, frequency = if (freq == 52) "WEEKLY" else "DAILY",
		method = method, params = ours))
	cat(name, ": ", sum(!is.na(threshold)), " thresholds, ", sum(alarm, na.rm = TRUE), " alarms\n", sep = "")
}
write.table(index, "farrington-cases.tsv", sep = "\t", row.names = FALSE, quote = FALSE)
