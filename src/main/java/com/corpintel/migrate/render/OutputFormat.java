package com.corpintel.migrate.render;

/** --output: text for people, json for programs. */
public enum OutputFormat { TEXT, JSON }
