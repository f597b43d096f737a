/** The R fetch code (base + jsonlite) for trade, census and SIMDASI; see fetch.ts for the rules. */
import { type CleanTable, hashComments, metadataLines, numLiteral, rString } from '../common';
import { howTo, SNIPPET_USER_AGENT } from '../fetch';
import type { FamilyRequest } from './fetch';

/** The request helper and shared conversions every family's script starts with. */
function prelude(r: FamilyRequest): string {
	return `base_url <- ${rString(r.baseUrl)}
user_agent <- ${rString(SNIPPET_USER_AGENT)}

param_text <- function(x) {
  if (is.numeric(x)) format(x, scientific = FALSE, trim = TRUE) else as.character(x)
}

get_json <- function(path, params) {
  key <- Sys.getenv("BPS_API_KEY")
  if (!nzchar(key)) stop("Set the BPS_API_KEY environment variable to your BPS WebAPI key.")
  values <- vapply(params, function(x) {
    gsub("%3B", ";", utils::URLencode(param_text(x), reserved = TRUE), fixed = TRUE)
  }, character(1))
  query <- paste0(names(params), "=", values, collapse = "&")
  old <- options(HTTPUserAgent = user_agent)
  on.exit(options(old), add = TRUE)
  con <- url(paste0(base_url, path, "?", query, "&key=", utils::URLencode(key, reserved = TRUE)),
             method = "libcurl", headers = c(Accept = "application/json"))
  on.exit(close(con), add = TRUE)
  text <- paste(readLines(con, warn = FALSE, encoding = "UTF-8"), collapse = "\\n")
  body <- tryCatch(jsonlite::fromJSON(text, simplifyVector = FALSE),
                   error = function(e) stop("BPS WebAPI answered with something other than JSON (blocked?)"))
  if (!is.list(body) || !identical(body[["status"]], "OK")) stop(paste("BPS WebAPI:", body[["message"]]))
  body
}

# Interoperability answers put their object in data[1] (R: the second element).
inner_of <- function(body) {
  data <- body[["data"]]
  if (is.null(names(data)) && length(data) > 1) data[[2]] else data
}
text_of <- function(x) if (is.null(x)) "" else trimws(as.character(x))
or_na <- function(x) if (is.null(x)) NA_character_ else as.character(x)
to_number <- function(raw) {
  if (is.null(raw)) return(NA_real_)
  suppressWarnings(as.numeric(raw)) # "" and "-" mean missing
}
year_of <- function(text) {
  m <- regmatches(text, regexpr("[0-9]{4}", text))
  if (length(m)) as.integer(m) else NA_integer_
}
`;
}

function trade(r: Extract<FamilyRequest, { kind: 'trade' }>): string {
	return `flow <- ${rString(r.flow)} # "export" (FOB values) or "import" (CIF values)
hs_codes <- c(${r.hs.map(rString).join(', ')})
hs_level <- ${r.hsLevel} # 2 = HS chapters, 8 = full BTKI codes
years <- c(${r.years.map(numLiteral).join(', ')}) # one request per year, from 2014 on
monthly <- ${r.monthly ? 'TRUE' : 'FALSE'}

# "[03] Fish, crustaceans ..." -> c("03", "Fish, crustaceans ...")
split_code <- function(text) {
  end <- regexpr("]", text, fixed = TRUE)
  if (startsWith(text, "[") && end > 2) {
    c(trimws(substr(text, 2, end - 1)), trimws(substring(text, end + 1)))
  } else c("", text)
}

parts <- list()
for (year in years) {
  body <- get_json("dataexim/", list(
    sumber = if (flow == "export") 1 else 2, periode = if (monthly) 1 else 2,
    kodehs = paste(hs_codes, collapse = ";"), jenishs = if (hs_level == 2) 1 else 2, tahun = year
  ))
  rows <- body[["data"]]
  if (!identical(body[["data-availability"]], "available") || !is.list(rows) || !length(rows)) next
  hs <- lapply(rows, function(row) split_code(text_of(row[["kodehs"]])))
  month <- vapply(rows, function(row) {
    m <- suppressWarnings(as.integer(split_code(text_of(row[["bulan"]]))[1]))
    if (!is.na(m) && m >= 1L && m <= 12L) m else NA_integer_
  }, integer(1))
  row_year <- vapply(rows, function(row) {
    if (is.null(row[["tahun"]])) as.integer(year) else as.integer(row[["tahun"]])
  }, integer(1))
  parts[[length(parts) + 1]] <- data.frame(
    year = row_year,
    month = month,
    period = ifelse(is.na(month), as.character(row_year), sprintf("%d-%02d", row_year, month)),
    hs_code = vapply(hs, function(x) x[1], character(1)),
    hs_description = vapply(hs, function(x) x[2], character(1)),
    # NA = not on record at BPS (unknown), kept
    port = vapply(rows, function(row) or_na(row[["pod"]]), character(1)),
    country = vapply(rows, function(row) or_na(row[["ctr"]]), character(1)),
    value_usd = vapply(rows, function(row) to_number(row[["value"]]), numeric(1)),
    net_weight_kg = vapply(rows, function(row) to_number(row[["netweight"]]), numeric(1)),
    stringsAsFactors = FALSE
  )
}
if (!length(parts)) stop("BPS WebAPI has no trade data for these HS codes and years.")
df <- do.call(rbind, parts)
rownames(df) <- NULL`;
}

function census(r: Extract<FamilyRequest, { kind: 'census' }>): string {
	return `event <- ${rString(r.event)} # kegiatan
areas <- c(${r.areas.map(numLiteral).join(', ')}) # wilayah_sensus: one request per area
dataset <- ${numLiteral(r.dataset)}

# MFD "0" = Indonesia (0000), "35" a province (3500), "3578" a regency/city; others: NA.
domain_of <- function(code) {
  if (code == "0") return("0000")
  if (grepl("^[0-9]{2}$", code)) return(paste0(code, "00"))
  if (grepl("^[0-9]{4}$", code)) return(code)
  NA_character_
}
# Up to five dimensions; empty slots are left out. BPS spells "nama_item__kategori" with "__".
categories <- function(row) {
  out <- list()
  for (n in 1:5) {
    if (!nzchar(text_of(row[[paste0("id_kategori_", n)]]))) next
    name <- row[[paste0("nama_item__kategori_", n)]]
    if (is.null(name)) name <- row[[paste0("nama_item_kategori_", n)]]
    code <- text_of(row[[paste0("kode_item_kategori_", n)]])
    if (!nzchar(code)) code <- text_of(row[[paste0("id_item_kategori_", n)]])
    out[[length(out) + 1]] <- c(code, text_of(name))
  }
  out
}

rows <- list()
for (area in areas) {
  body <- get_json("interoperabilitas/datasource/sensus/",
                   list(id = 41, kegiatan = event, wilayah_sensus = area, dataset = dataset))
  inner <- inner_of(body)
  got <- if (is.list(inner)) inner[["data"]] else NULL
  if (!identical(body[["data-availability"]], "available") || !length(got)) {
    stop(paste("BPS WebAPI has no census data for this dataset in area", area))
  }
  rows <- c(rows, got) # the areas' rows one after another, area code and name in each
}
cats <- lapply(rows, categories)
width <- max(lengths(cats)) # category_1 ... category_<width>
codes <- vapply(rows, function(row) text_of(row[["kode_wilayah"]]), character(1))
periods <- vapply(rows, function(row) text_of(row[["period"]]), character(1))
df <- data.frame(
  region_code = codes,
  domain_code = vapply(codes, domain_of, character(1), USE.NAMES = FALSE),
  region = vapply(rows, function(row) text_of(row[["nama_wilayah"]]), character(1)),
  indicator_code = vapply(rows, function(row) text_of(row[["id_indikator"]]), character(1)),
  indicator = vapply(rows, function(row) text_of(row[["nama_indikator"]]), character(1)),
  stringsAsFactors = FALSE
)
for (n in seq_len(width)) {
  pick <- function(cs, i) if (n <= length(cs)) cs[[n]][i] else NA_character_
  df[[paste0("category_", n, "_code")]] <- vapply(cats, pick, character(1), i = 1)
  df[[paste0("category_", n)]] <- vapply(cats, pick, character(1), i = 2)
}
df$year <- vapply(periods, year_of, integer(1), USE.NAMES = FALSE)
df$period <- ifelse(nzchar(periods), periods, NA_character_)
df$value <- vapply(rows, function(row) to_number(row[["nilai"]]), numeric(1))`;
}

function simdasi(r: Extract<FamilyRequest, { kind: 'simdasi' }>): string {
	return `area <- ${rString(r.mfd)} # 7-digit MFD code
years <- c(${r.years.map(numLiteral).join(', ')}) # one request per year
table_id <- ${rString(r.table)} # id_tabel
lang <- ${rString(r.lang)} # names and units in "ind" or "eng"

# 7-digit MFD -> 4-digit BPS domain: 0000000 -> 0000, 3500000 -> 3500, 3578000 -> 3578.
domain_of <- function(mfd) {
  if (mfd == "0000000") return("0000")
  if (grepl("^[0-9]{4}000$", mfd)) substr(mfd, 1, 4) else NA_character_
}

year_frame <- function(year) {
  body <- get_json("interoperabilitas/datasource/simdasi/",
                   list(id = 25, wilayah = area, tahun = year, id_tabel = table_id))
  inner <- inner_of(body)
  if (!is.list(inner) || is.null(names(inner))) stop(paste("SIMDASI has no data for this table, area and year", year))
  # SIMDASI reports errors inside an OK answer: {"status": 400, "condition": "ERROR", "message": ...}
  status <- suppressWarnings(as.numeric(text_of(inner[["status"]])))
  if ((!is.na(status) && status >= 400) || identical(toupper(text_of(inner[["condition"]])), "ERROR")) {
    message <- text_of(inner[["message"]])
    stop(paste("SIMDASI:", if (nzchar(message)) message else paste("status", status)))
  }
  tables <- inner[["data"]]
  table <- if (!is.null(tables[["kolom"]])) tables else if (length(tables)) tables[[1]] else inner
  if (!is.list(table) || !length(table[["kolom"]])) stop(paste("SIMDASI has no data for this table, area and year", year))

  english <- lang == "eng"
  data_year <- if (is.null(table[["tahun_data"]])) as.integer(year) else as.integer(table[["tahun_data"]])
  keys <- names(table[["kolom"]])
  pick_text <- function(meta, en, id) {
    x <- if (english) text_of(meta[[en]]) else ""
    if (nzchar(x)) x else text_of(meta[[id]])
  }
  names_of <- vapply(keys, function(k) {
    x <- pick_text(table[["kolom"]][[k]], "nama_variabel_en", "nama_variabel")
    if (nzchar(x)) x else k
  }, character(1), USE.NAMES = FALSE)
  units_of <- vapply(keys, function(k) {
    x <- pick_text(table[["kolom"]][[k]], "satuan_en", "satuan")
    if (nzchar(x)) x else NA_character_
  }, character(1), USE.NAMES = FALSE)
  parts <- lapply(table[["data"]], function(row) {
    code <- text_of(row[["kode_wilayah"]])
    label <- text_of(row[["label"]])
    data.frame(
      region_code = code,
      domain_code = domain_of(code),
      region = if (nzchar(label)) label else text_of(row[["label_raw"]]),
      variable_code = keys,
      variable = names_of,
      unit = units_of,
      year = data_year,
      period = as.character(data_year),
      value = vapply(keys, function(k) to_number(row[["variables"]][[k]][["value"]]), numeric(1),
                     USE.NAMES = FALSE),
      stringsAsFactors = FALSE
    )
  })
  do.call(rbind, parts)
}

# One request per year; the years' rows bound one after another.
df <- do.call(rbind, lapply(years, year_frame))
rownames(df) <- NULL`;
}

/** R (base + jsonlite); `df` holds the tidy table when the script ends. */
export function rFamilyFetch(t: CleanTable, r: FamilyRequest): string[] {
	const head = hashComments([
		...metadataLines(t),
		...howTo(t.lang),
		'install.packages("jsonlite") once if needed.',
	]);
	const body = r.kind === 'trade' ? trade(r) : r.kind === 'census' ? census(r) : simdasi(r);
	return [...head, ...prelude(r).split('\n'), ...body.split('\n')];
}
