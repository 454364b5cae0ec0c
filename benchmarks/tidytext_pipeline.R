# The pipeline of benchmarks/pipeline.py in tidytext's idiom (R): sentences,
# words, term counts per document, tf-idf, and a lexicon tone per sentence
# averaged per document. tidytext has no VADER and no news tone; the Bing
# opinion lexicon it ships (Hu & Liu 2004) stands in for both, so R does
# less tone work here than either Python pipeline.
# Usage: Rscript tidytext_pipeline.R articles.csv   (columns doc_id, text)
# Prints {"seconds": ...}: the time after the packages are loaded and the
# CSV is read, as the Python side times after its imports.
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages({
  library(dplyr)
  library(tidytext)
  library(readr)
})
raw <- read_csv(args[1], col_types = "cc", progress = FALSE)
bing <- get_sentiments("bing")
start <- Sys.time()
sentences <- raw %>%
  unnest_tokens(sentence, text, token = "sentences") %>%
  group_by(doc_id) %>%
  mutate(sent_id = row_number()) %>%
  ungroup()
words <- sentences %>% unnest_tokens(word, sentence)
counts <- words %>% count(doc_id, word)
tfidf <- counts %>% bind_tf_idf(word, doc_id, n)
scored <- suppressWarnings(inner_join(words, bing, by = "word")) %>%
  group_by(doc_id, sent_id) %>%
  summarise(score = sum(sentiment == "positive") - sum(sentiment == "negative"),
            .groups = "drop")
tone <- sentences %>%
  select(doc_id, sent_id) %>%
  left_join(scored, by = c("doc_id", "sent_id")) %>%
  mutate(score = coalesce(score, 0)) %>%
  group_by(doc_id) %>%
  summarise(tone = mean(score), .groups = "drop")
elapsed <- as.numeric(difftime(Sys.time(), start, units = "secs"))
stopifnot(nrow(tone) == nrow(raw))
cat(sprintf("{\"seconds\": %.6f, \"n_docs\": %d, \"n_terms\": %d}\n",
            elapsed, nrow(tone), nrow(tfidf)))
