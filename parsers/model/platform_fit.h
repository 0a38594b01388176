/* How well a catalogue's platform text names this device: the one answer
 * the image catalogue (which image is this device's) and a release's
 * per-platform ROMMON minimum (which minimum applies) both need. */
#ifndef IOSPLAN_PLATFORM_FIT_H
#define IOSPLAN_PLATFORM_FIT_H

#include <stddef.h>

#include "device.h"
#include "platform.h"

/* 2 + its length when text is a prefix of the device's model
 * ("WS-C2960X" of "WS-C2960X-48FPD-L"); 1 when it is the platform's series
 * or one of its image platform tokens, compared whole ("C2960" must not
 * take in a "C2960X"); 0 when it does not name the device. p may be NULL
 * (an unknown platform): then only the model is compared. */
size_t ip_platform_fit(const char *text, const ip_device *dev, const ip_platform *p);

#endif
