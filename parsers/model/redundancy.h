/* The standby route processor, as the model answers it once for the rules
 * and the planner (issue 21): whether the captures show one, and whether
 * a save reaches it. */
#ifndef IOSPLAN_REDUNDANCY_H
#define IOSPLAN_REDUNDANCY_H

#include <stdbool.h>

#include "device.h"

/* A second RP is there: show redundancy names a peer (anything but a
 * DISABLED peer in a simplex chassis), or show bootvar printed Standby
 * lines. "Standby not ready to show bootvar" alone is not one: the
 * single-RP ASR1001 prints it too (tests/captures/asr1001-xe3.log). */
bool ip_standby_present(const ip_device *dev);

/* A save on the active writes the standby's BOOT variable too: the
 * standby is STANDBY HOT in SSO, where the active keeps it in step
 * (startup-config synchronisation: Cisco ASR 1000 Software Configuration
 * Guide OL-16506-17, "High Availability Overview"; "Configuring Stateful
 * Switchover", ha-15-s-book). The plan still checks it with show bootvar's
 * Standby line, so this is a prediction the plan verifies, not an
 * assumption it relies on. */
bool ip_standby_syncs(const ip_device *dev);

#endif
