// Every Ukrainian text of the portal, by namespace. Bundled: Ukrainian is the default language.

import actionPlan from './action-plan.json';
import admin from './admin.json';
import auth from './auth.json';
import bookings from './bookings.json';
import certificates from './certificates.json';
import common from './common.json';
import dashboard from './dashboard.json';
import errors from './errors.json';
import events from './events.json';
import hubs from './hubs.json';
import openData from './open-data.json';
import privacy from './privacy.json';
import registry from './registry.json';
import surveys from './surveys.json';
import reports from './reports.json';
import volunteering from './volunteering.json';
import volunteeringAdmin from './volunteering-admin.json';

export const uk = {
  common,
  auth,
  hubs,
  bookings,
  events,
  registry,
  volunteering,
  openData,
  admin,
  volunteeringAdmin,
  surveys,
  certificates,
  privacy,
  dashboard,
  reports,
  actionPlan,
  errors,
};
