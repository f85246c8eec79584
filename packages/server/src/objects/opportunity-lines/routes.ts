import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactRoleRoutes } from './contact-role-routes';
import { linkRoutes } from './link-routes';
import { productLineRoutes } from './product-line-routes';
import './amount-hook';

/** What an opportunity's detail page manages beside its fields (§3.7.5): products, contacts, partners, competitors. */
export const opportunityLineRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(productLineRoutes);
  await app.register(contactRoleRoutes);
  await app.register(linkRoutes);
};
