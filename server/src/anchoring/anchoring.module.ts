import { Module } from '@nestjs/common';
import { AnchorValidator } from './anchor-validator.service';
import { ReanchorService } from './reanchor.service';

@Module({
  providers: [AnchorValidator, ReanchorService],
  exports: [AnchorValidator, ReanchorService],
})
export class AnchoringModule {}
