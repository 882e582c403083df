# Reference values for org.rhip.surveillance.detect (EarsCusumReferenceTest), from the R package
# surveillance (earsC, algo.cusum through its sts wrapper cusum) and, for the moving percentile
# method, R's quantile (type 7) applied to the definition documented in MovingPercentile.java.
#
# Run from this folder:  Rscript make-ears-cusum.R
# Writes the input series (series-*.csv: date,count), one output per case (<case>.csv:
# date,count,threshold,alarm; threshold empty and alarm 0 where R gives no value, alarm empty
# where R gives NA) and cases.csv (case,input,method,params) naming our method and parameters.
#
# For cusum, the threshold column holds R's upperbound as R returns it (alarm <=> count >= it,
# floored at 0); ours is in count units with alarm <=> count > threshold, i.e. R's minus 1 where
# R's is above 0. The test converts.
suppressPackageStartupMessages(library(surveillance))
cat("surveillance", as.character(packageVersion("surveillance")), "on", R.version.string, "\n")

set.seed(20240611)

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

write_series <- function(name, dates, counts) {
  write.csv(data.frame(date = format(dates), count = counts), name, row.names = FALSE, quote = FALSE)
}

write_out <- function(name, dates, counts, first, threshold, alarm) {
  n <- length(counts)
  th <- rep(NA_real_, n)
  al <- rep(0L, n)
  idx <- first:(first + length(threshold) - 1)
  th[idx] <- threshold
  al[idx] <- as.integer(alarm)
  alText <- ifelse(is.na(al), "", as.character(al))
  writeLines(c("date,count,threshold,alarm",
               paste(format(dates), counts, fmt(th), alText, sep = ",")), name)
}

cases <- data.frame(case = character(), input = character(), method = character(), params = character())
add_case <- function(case, input, method, params) {
  cases[nrow(cases) + 1, ] <<- c(case, input, method, params)
}

# --- daily input series ----------------------------------------------------------------------
# a: 400 days, Poisson around a weekly pattern, a run of zeros, a constant stretch, a spike
n <- 400
datesA <- seq(as.Date("2023-01-01"), by = "day", length.out = n)
a <- rpois(n, lambda = 6 + 2 * sin(2 * pi * (1:n) / 7))
a[120:140] <- 0            # a run of zeros: zero sd
a[200:225] <- 5            # a constant stretch: zero sd, non-zero mean
a[260] <- 40               # a single spike
a[330:336] <- a[330:336] + c(4, 7, 10, 12, 9, 6, 3)   # an outbreak
write_series("series-a.csv", datesA, a)

# b: 300 days of a rare disease, mostly zeros
nb <- 300
datesB <- seq(as.Date("2022-03-15"), by = "day", length.out = nb)
b <- rpois(nb, lambda = 0.4)
b[50:80] <- 0
b[150] <- 9
b[230:233] <- c(3, 4, 2, 5)
write_series("series-b.csv", datesB, b)

inputs <- list(a = list(file = "series-a.csv", dates = datesA, counts = a),
               b = list(file = "series-b.csv", dates = datesB, counts = b))

# --- EARS ------------------------------------------------------------------------------------
ears <- function(input, case, method, control, params) {
  s <- inputs[[input]]
  x <- sts(observed = s$counts, start = c(2023, 1), frequency = 365)
  control$method <- method
  r <- earsC(x, control = control)
  first <- length(s$counts) - nrow(r@observed) + 1
  write_out(paste0(case, ".csv"), s$dates, s$counts, first, upperbound(r)[, 1], alarms(r)[, 1])
  add_case(case, s$file, paste0("ears-", tolower(method)), params)
}

for (input in names(inputs)) {
  ears(input, paste0(input, "-ears-c1"), "C1", list(), "")
  ears(input, paste0(input, "-ears-c2"), "C2", list(), "")
  ears(input, paste0(input, "-ears-c3"), "C3", list(), "")
  ears(input, paste0(input, "-ears-c1-alpha0.05-baseline10"), "C1", list(alpha = 0.05, baseline = 10),
       "alpha=0.05;baseline=10")
  ears(input, paste0(input, "-ears-c2-alpha0.01-baseline5"), "C2", list(alpha = 0.01, baseline = 5),
       "alpha=0.01;baseline=5")
  ears(input, paste0(input, "-ears-c3-alpha0.1-baseline9"), "C3", list(alpha = 0.1, baseline = 9),
       "alpha=0.1;baseline=9")
  ears(input, paste0(input, "-ears-c1-minSigma0.5"), "C1", list(minSigma = 0.5), "minSigma=0.5")
  ears(input, paste0(input, "-ears-c3-minSigma1-baseline3"), "C3", list(minSigma = 1, baseline = 3),
       "minSigma=1;baseline=3")
}

# --- CUSUM -----------------------------------------------------------------------------------
cusumCase <- function(input, case, control, params) {
  s <- inputs[[input]]
  x <- sts(observed = s$counts, start = c(2023, 1), frequency = 365)
  r <- cusum(x, control = control)
  write_out(paste0(case, ".csv"), s$dates, s$counts, min(control$range), upperbound(r)[, 1], alarms(r)[, 1])
  add_case(case, s$file, "cusum", params)
}

cusumCase("a", "a-cusum-range101", list(range = 101:400), "range=101")
cusumCase("a", "a-cusum-range31-k0.5-h4", list(range = 31:400, k = 0.5, h = 4), "range=31;k=0.5;h=4")
cusumCase("a", "a-cusum-range250-350-k2-h1", list(range = 250:350, k = 2, h = 1), "range=250:350;k=2;h=1")
cusumCase("a", "a-cusum-m6.5", list(range = 1:400, m = 6.5), "range=1;m=6.5")
cusumCase("b", "b-cusum-range41", list(range = 41:300), "range=41")
cusumCase("b", "b-cusum-range101-k0.25-h5", list(range = 101:300, k = 0.25, h = 5), "range=101;k=0.25;h=5")

# --- moving percentile method (R's quantile on the documented definition) --------------------
mpm <- function(counts, daily, years = 3, window = 2, percentile = 80, minCount = 1) {
  span <- if (daily) 7 else 1
  year <- if (daily) 365 else 52
  sumEnding <- function(t) sum(counts[(t - span + 1):t])
  n <- length(counts)
  th <- rep(NA_real_, n)
  al <- rep(0L, n)
  first <- years * year + window * span + span
  if (first <= n) for (t in first:n) {
    base <- c()
    for (k in 1:years) for (j in -window:window) base <- c(base, sumEnding(t - k * year + j * span))
    th[t] <- quantile(base, percentile / 100, type = 7, names = FALSE)
    cur <- sumEnding(t)
    al[t] <- as.integer(cur > th[t] && cur >= minCount)
  }
  list(threshold = th, alarm = al)
}

mpmCase <- function(case, file, dates, counts, daily, params, ...) {
  r <- mpm(counts, daily, ...)
  writeLines(c("date,count,threshold,alarm",
               paste(format(dates), counts, fmt(r$threshold), r$alarm, sep = ",")), paste0(case, ".csv"))
  add_case(case, file, "mpm", params)
}

nd <- 4 * 365 + 20
datesD <- seq(as.Date("2019-01-01"), by = "day", length.out = nd)
d <- rpois(nd, lambda = 1.5 + sin(2 * pi * (1:nd) / 365))
d[1300:1310] <- d[1300:1310] + 3
write_series("series-mpm-daily.csv", datesD, d)
mpmCase("mpm-daily", "series-mpm-daily.csv", datesD, d, TRUE, "")
mpmCase("mpm-daily-years2-window1-p90", "series-mpm-daily.csv", datesD, d, TRUE,
        "years=2;window=1;percentile=90;minCount=3", years = 2, window = 1, percentile = 90, minCount = 3)

nw <- 4 * 52 + 10
datesW <- seq(as.Date("2019-12-30"), by = "week", length.out = nw)
w <- rpois(nw, lambda = 12 + 6 * sin(2 * pi * (1:nw) / 52))
w[190] <- 45
write_series("series-mpm-weekly.csv", datesW, w)
mpmCase("mpm-weekly", "series-mpm-weekly.csv", datesW, w, FALSE, "")
mpmCase("mpm-weekly-p50", "series-mpm-weekly.csv", datesW, w, FALSE, "percentile=50", percentile = 50)

write.csv(cases, "cases.csv", row.names = FALSE, quote = FALSE)
cat("done:", nrow(cases), "cases\n")
