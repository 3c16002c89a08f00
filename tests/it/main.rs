//! Every integration test in one binary (one link, not ten).

mod aftersales;
mod bad_files;
mod bay_terminal;
mod clear_words;
mod cli_lifecycle;
mod cli_refusals;
mod common;
mod concurrency;
mod group_report;
mod handover;
mod layering;
mod pins;
mod properties;
mod ptykit;
mod ssh;
mod store;
mod trust;
mod tui_app;
mod tui_desk;
mod tui_e2e;
mod tui_keymap;
mod tui_lines;
mod tui_render;
mod tuikit;
mod wall;
mod work_orders;
