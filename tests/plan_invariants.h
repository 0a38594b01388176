/* The planner's safety properties (issue 5), checked on one plan: shared by
 * the property test over random device states (test_plan_property.c) and
 * the end-to-end fuzz target (fuzz/fuzz_e2e.c), which checks them on plans
 * built from hostile captures. Either the plan is refused (a blocking
 * finding or a reason says why, and never its own simulation), or
 *   P1 its simulation, run again from scratch, boots the target at the
 *      plan's reload;
 *   P2 walking its effects in order (independently of the simulator): no
 *      boot entry, install or reload uses the target before it is verified
 *      on every filesystem it boots from, the running image is deleted only
 *      with --allow-delete-running, and no delete before the verify takes
 *      the last bootable image from a filesystem that had one (unless a
 *      saved network fallback the server holds remains);
 *   P3 with the target unbootable the next boot is the old image or the
 *      network fallback, or the plan warns that it has none;
 *   P4 it reloads exactly once before the clean-up;
 *   P5 (issue 20) a bundle or tar plan whose failed boot is not a proved
 *      fallback is printed only with --allow-no-fallback;
 *   P6 from its first change to flash or to a saved boot list on, until
 *      its reload, no saved boot list (startup-config, BOOT variable, a
 *      member's) names the target while a copy of it that is not verified
 *      is on flash (issue 20, point 12);
 *   P7 a config-register changes only the boot field (clearing ignore bits);
 *   P8 a device already on the target (nothing to do, or a remediation) is
 *      neither copied to nor reloaded, and nothing to do has no steps;
 *   P9 (issue 20) when the captured next boot is a network entry, the
 *      network-boot finding is there and the plan repairs it;
 *   P10 (issue 21) a device with a pending install (uncommitted packages,
 *      a running auto-abort timer, an install in progress) is refused, and
 *      the refusal names install commit and install abort.
 *   P11 (issue 21) a device with a standby RP is planned only with it
 *      STANDBY HOT in SSO, and every reload follows a gated check of show
 *      bootvar's Standby BOOT line made after the last save.
 *   P12 (issue 20, point 19) with --vrf, the ping and every transfer are in
 *      the VRF: the copy's `vrf NAME`, or after the configuration step that
 *      sets the transfer's source interface, never both, and no copy on the
 *      device names the VRF.
 *   P13 (issue 21) an install-mode plan types the install commands of the
 *      release the device runs now (install_flow.h, decided again from the
 *      device): no `install` or `show install` before the reload where
 *      that release has none, and no plan for a router without it;
 *   P14 (issue 21 pt 3) the two-step form commits, once, after the
 *      activation's reload and before the clean-up (an uncommitted
 *      activation is reverted by its auto-abort timer).
 *   P16 (issue 22, slice m22-way; renumbered at merge) every printed plan
 *      has a way back naming what its rollback needs; a ROMMON step past
 *      a catalogued one-way version is stated one-way; secrets the
 *      rollback release cannot read are warned of in the rollback phase.
 * On a stack P1 and P3 also hold for every member, simulated from its own
 * flash and BOOT variable. */
#ifndef IOSPLAN_PLAN_INVARIANTS_H
#define IOSPLAN_PLAN_INVARIANTS_H

#include "plan.h"

/* NULL when p keeps every property, else the first one it breaks. Scratch
 * memory from a. */
const char *plan_invariants_check(const ip_plan *p, ip_arena *a);

#endif
