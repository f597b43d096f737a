/** The R fetch snippet (base + jsonlite); see fetch.ts for the shared rules. */
import { type CleanTable, hashComments, metadataLines, numLiteral, rString } from './common';
import { howTo, requestOf, SNIPPET_USER_AGENT } from './fetch';

/** R (base + jsonlite); `df` holds the table when the script ends. */
export function rFetch(t: CleanTable): string[] {
	const r = requestOf(t);
	const head = hashComments([
		...metadataLines(t),
		...howTo(t.lang),
		'install.packages("jsonlite") once if needed.',
	]);
	const body = `base_url <- ${rString(r.baseUrl)}
domain <- ${rString(r.domain)}
variable <- ${numLiteral(r.variable)}
periods <- c(${r.periods.map(numLiteral).join(', ')}) # th ids, not years
lang <- ${rString(r.lang)}
# The API accepts at most 3 periods per call on the national domain, 2 elsewhere.
max_periods <- if (domain == "0000") 3 else 2
user_agent <- ${rString(SNIPPET_USER_AGENT)}

key_part <- function(x) {
  if (is.numeric(x)) format(x, scientific = FALSE, trim = TRUE) else as.character(x)
}

fetch_chunk <- function(th) {
  key <- Sys.getenv("BPS_API_KEY")
  if (!nzchar(key)) stop("Set the BPS_API_KEY environment variable to your BPS WebAPI key.")
  query <- paste0(
    "model=data&domain=", domain, "&var=", key_part(variable),
    "&th=", paste(key_part(th), collapse = ";"), "&lang=", lang,
    "&key=", utils::URLencode(key, reserved = TRUE)
  )
  old <- options(HTTPUserAgent = user_agent)
  on.exit(options(old), add = TRUE)
  con <- url(paste0(base_url, "list?", query), method = "libcurl",
             headers = c(Accept = "application/json"))
  on.exit(close(con), add = TRUE)
  text <- paste(readLines(con, warn = FALSE, encoding = "UTF-8"), collapse = "\\n")
  body <- tryCatch(jsonlite::fromJSON(text, simplifyVector = FALSE),
                   error = function(e) stop("BPS WebAPI answered with something other than JSON (blocked?)"))
  if (is.null(body)) stop("BPS WebAPI: too much data in one call; request fewer periods.")
  if (!identical(body[["status"]], "OK")) stop(paste("BPS WebAPI:", body[["message"]]))
  if (!identical(body[["data-availability"]], "available")) return(NULL)
  body
}

to_number <- function(raw) {
  if (is.null(raw)) return(NA_real_)
  suppressWarnings(as.numeric(raw)) # "" and "-" mean missing
}

dims <- list(vervar = list(), turvar = list(), tahun = list(), turtahun = list())
# An environment is a hash map: lookups stay fast on large tables.
content <- new.env(hash = TRUE)
var_id <- key_part(variable)
for (start in seq(1, length(periods), by = max_periods)) {
  body <- fetch_chunk(periods[start:min(start + max_periods - 1, length(periods))])
  if (is.null(body)) next
  if (length(body[["var"]])) var_id <- key_part(body[["var"]][[1]][["val"]])
  for (name in names(dims)) {
    for (item in body[[name]]) {
      k <- key_part(item[["val"]])
      if (is.null(dims[[name]][[k]])) {
        label <- if (is.null(item[["label"]])) "" else trimws(as.character(item[["label"]]))
        dims[[name]][[k]] <- label
      }
    }
  }
  for (k in names(body[["datacontent"]])) assign(k, body[["datacontent"]][[k]], envir = content)
}

grid <- expand.grid(
  tt = names(dims$turtahun), th = names(dims$tahun), tv = names(dims$turvar), v = names(dims$vervar),
  stringsAsFactors = FALSE
)
grid <- grid[, c("v", "tv", "th", "tt")]
keys <- paste0(grid$v, var_id, grid$tv, grid$th, grid$tt)
# Keys are concatenated without separators: a key two combinations produce is ambiguous.
ambiguous <- keys %in% keys[duplicated(keys)]
values <- vapply(seq_along(keys), function(i) {
  if (ambiguous[i]) NA_real_ else to_number(get0(keys[i], envir = content, inherits = FALSE))
}, numeric(1))
label_of <- function(dim, ids) vapply(ids, function(id) dims[[dim]][[id]], character(1), USE.NAMES = FALSE)
trivial_labels <- c("tidak ada", "tahun", "none", "year", "not available", "annual")
# A lone "0" / "Tidak ada" / "Tahun" item is the API's placeholder for "no such dimension".
informative <- function(items) {
  length(items) > 1 ||
    (length(items) == 1 && names(items) != "0" && !(tolower(items[[1]]) %in% trivial_labels))
}
year_of <- function(label) {
  m <- regmatches(label, regexpr("[0-9]{4}", label))
  if (length(m)) as.integer(m) else NA_integer_
}
numerals <- c(i = 1L, ii = 2L, iii = 3L, iv = 4L, "1" = 1L, "2" = 2L, "3" = 3L, "4" = 4L)
# turtahun codes: 0, 13, 35 annual; 1-12 months; 31-34 quarters; others read from the label.
iso_period <- function(year, code, label) {
  if (is.na(year)) return(NA_character_)
  number <- suppressWarnings(as.integer(code))
  if (!is.na(number) && number >= 1 && number <= 12) return(sprintf("%d-%02d", year, number))
  if (!is.na(number) && number >= 31 && number <= 34) return(sprintf("%d-Q%d", year, number - 30L))
  text <- tolower(label)
  m <- regmatches(text, regexec("(?:semester|paruh)\\\\s*(ii|i|1|2)\\\\b", text, perl = TRUE))[[1]]
  if (length(m)) return(sprintf("%d-S%d", year, numerals[[m[2]]]))
  m <- regmatches(text, regexec("(?:triwulan|quarter|kuartal|kwartal)\\\\s*(iv|iii|ii|i|[1-4])\\\\b", text, perl = TRUE))[[1]]
  if (length(m)) return(sprintf("%d-Q%d", year, numerals[[m[2]]]))
  as.character(year)
}
years <- vapply(label_of("tahun", grid$th), year_of, integer(1), USE.NAMES = FALSE)
df <- data.frame(region_code = grid$v, region = label_of("vervar", grid$v), stringsAsFactors = FALSE)
if (informative(dims$turvar)) {
  df$category_code <- grid$tv
  df$category <- label_of("turvar", grid$tv)
}
df$year <- years
if (informative(dims$turtahun)) {
  df$subperiod_code <- grid$tt
  df$subperiod <- label_of("turtahun", grid$tt)
}
df$period <- vapply(seq_along(years), function(i) {
  iso_period(years[i], grid$tt[i], dims$turtahun[[grid$tt[i]]])
}, character(1))
df$value <- values`;
	return [...head, ...body.split('\n')];
}
