/* Printing device states: `iosplan facts`. */
#ifndef IOSPLAN_FACTS_H
#define IOSPLAN_FACTS_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "boot_sim.h"
#include "device.h"

#define IOSPLAN_FACTS_FORMAT_VERSION 1

/* The documented JSON object for one device (docs/facts.md). The
 * caller owns the result (cJSON_Delete). */
cJSON *facts_device_json(const ip_device *d, const ip_boot_prediction *next_boot);

/* Human-readable summary of one device. */
/* 0, or -1 when a write to out failed (the writer contract in cli.h). */
int facts_device_text(FILE *out, const ip_device *d, const ip_boot_prediction *next_boot);


#endif
